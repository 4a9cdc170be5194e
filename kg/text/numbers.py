"""Numbers and dates as Chinese documents write them."""

from __future__ import annotations


__all__ = ["chinese_to_int", "scale_value"]

_DIGITS = {"〇": 0, "○": 0, "零": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
           "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}

def chinese_to_int(text: str) -> int | None:
    """Read a number written in Chinese numerals or Arabic digits.

    Examples
    --------
    >>> [chinese_to_int(s) for s in ("十", "十二", "二十", "三十一", "二○○九", "2017", "一百零五")]
    [10, 12, 20, 31, 2009, 2017, 105]
    >>> chinese_to_int("甲") is None
    True
    """
    text = text.strip().replace(" ", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(c in _DIGITS for c in text):  # digit by digit: 二○○九
        return int("".join(str(_DIGITS[c]) for c in text))
    total, current = 0, 0
    for ch in text:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


_MAGNITUDES = (("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("千", 1e3), ("百", 1e2))
#: Units whose first character is not a magnitude: 千瓦 is a unit, not a thousand 瓦
_WHOLE_UNITS = ("千瓦", "千瓦时", "千伏安", "千米", "千克", "百分点")


def scale_value(number: float, unit: str) -> tuple[float, str]:
    """Apply a Chinese magnitude at the start of a unit.

    Returns the scaled number and the unit without the magnitude.

    Examples
    --------
    >>> scale_value(1.5, "万亿元")
    (1500000000000.0, '元')
    >>> scale_value(7200, "万平方米")
    (72000000.0, '平方米')
    >>> scale_value(91, "分")
    (91, '分')
    >>> scale_value(15, "万吨/年")
    (150000.0, '吨/年')
    >>> scale_value(2, "千伏安"), scale_value(800, "万千瓦")
    ((2, '千伏安'), (8000000.0, '千瓦'))
    """
    if unit in _WHOLE_UNITS:
        return number, unit
    for prefix, factor in _MAGNITUDES:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return round(number * factor, 6), unit[len(prefix):]
    return number, unit
