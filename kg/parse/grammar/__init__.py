"""The grammar of Chinese government documents: every pattern the parsers match, one module per part.

Patterns are written as grammar (``re.VERBOSE``, one alternative a line with an
example of what it matches) and each has a doctest. Word lists (labels, verbs,
units) are Python tuples turned into alternations by :func:`~.words.one_of`, so
extending the grammar is adding a word to a list.

- :mod:`.words` — alternations of word lists;
- :mod:`.docnumbers` — 发文字号 (浙政办发〔2017〕72号);
- :mod:`.dates` — 2017年7月7日, 二〇一七年七月七日;
- :mod:`.layout` — gazette headers, issue numbers, tables of contents;
- :mod:`.document` — document kinds, enclosed titles, annex lists;
- :mod:`.sections` — 一、 / (一) / 1. / (1) / 附件N;
- :mod:`.organisations` — where an organisation's name ends, governments;
- :mod:`.responsibility` — labels, role verbs and rules of responsibility clauses;
- :mod:`.targets` — target verbs, units, years and masks;
- :mod:`.honorees` — declared counts, person lines, positions;
- :mod:`.citations` — cited titles and citing verbs;
- :mod:`.tables` — annex table cells and industry columns.
"""
