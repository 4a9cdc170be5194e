"""An issue's records as RDF, in the terms of ``ontology/kg.ttl``: its source, documents, parts and tasks.

:func:`issue_lines` gives the N-Triples lines of one extracted issue; its
targets, industries and honorees come from :mod:`.facts`, the lines of the
organisations it names (shared: other issues may name them too) from
:mod:`.organisations`. Every fact carries a ``kgo:source``
span (see :class:`~.emit.IssueLines`). Lines are made straight from records,
with no rdflib terms on the way: at corpus scale making terms cost more than
everything else.
"""

from __future__ import annotations

from ..records import Document, Issue, file_name
from ..reference.organisations import OrganisationTable
from ..reference.provinces import load_provinces
from ..vocabulary import Role
from .emit import IssueLines
from .facts import add_honorees, add_industries, add_targets
from .iris import Minter
from .organisations import organisation_lines
from .terms import XSD, A, DCTERMS, ELI, KGO, ORG, PROV, RDFS, SKOS, nt_integer, nt_lang, nt_string, nt_typed
from .terms import iri_term as _iri
from .terms import role_shortcut, role_term, year_literal

__all__ = ["issue_lines", "start_lines", "document_lines", "finish_lines"]


def issue_lines(issue: Issue, minter: Minter, table: OrganisationTable, titles: dict | None = None,
                shared_numbers=frozenset()) -> tuple[list[str], list[str]]:
    """The N-Triples lines of one issue, as ``(local, shared)`` (see :class:`~.emit.IssueLines`).

    ``titles`` maps titles to document numbers known anywhere in the build, so
    that a document cited by title alone joins the numbered node;
    ``shared_numbers`` are document numbers other sources publish too, whose
    lines go with the shared ones. The lines of an issue too large to hold
    are made a document at a time by :func:`start_lines`, :func:`document_lines`
    and :func:`finish_lines`, which this calls in turn.

    Examples
    --------
    >>> from kg.parse.extract import extract_text
    >>> from kg.reference.organisations import load_table
    >>> issue = extract_text("关于甲的通知\\n\\n浙政发〔2019〕1号\\n\\n1. 推进。(牵头单位:省发改委)\\n", "a.txt")
    >>> local, shared = issue_lines(issue, Minter(), load_table())
    >>> len(local), len(shared)
    (63, 47)
    >>> [line.split()[2] for line in local if " <https://w3id.org/kg-gazette/ontology#lead> " in line]
    ['<https://w3id.org/kg-gazette/id/org/zj-drc>']
    """
    e = start_lines(issue, minter, titles or {}, shared_numbers)
    for k, doc in enumerate(issue.documents):
        document_lines(e, k, doc, table)
    finish_lines(e, table)
    return e.local, e.shared


def start_lines(issue: Issue, minter: Minter, titles: dict, shared_numbers) -> IssueLines:
    """The lines of the issue's source text and of the issue itself, in a new :class:`~.emit.IssueLines`.

    ``issue`` needs all but its documents (they are given to :func:`document_lines`).
    """
    e = IssueLines(issue, minter, titles, shared_numbers)
    add, share = e.add, e.share
    src = e.source
    add(src, A, KGO.SourceText)
    add(src, A, PROV.Entity)
    add(src, KGO.fileName, nt_string(file_name(issue.file)))
    add(src, KGO.sha256, nt_string(issue.sha256))
    add(src, KGO.encoding, nt_string(issue.encoding))
    province_en = next((p["name_en"] for p in load_provinces() if p["name"] == issue.province), None)
    e.issue_path = minter.issue(province_en, issue.year, issue.number, issue.sha256)
    iss = _iri(e.issue_path)
    share(iss, A, KGO.GazetteIssue)
    share(iss, KGO.sourceText, src)
    if issue.gazette:
        share(iss, KGO.gazetteName, nt_lang(issue.gazette))
        label = f"{issue.gazette} {issue.year}年第{issue.number}期" if issue.year else issue.gazette
        share(iss, RDFS.label, nt_lang(label))
    if issue.year:
        share(iss, KGO.year, year_literal(issue.year))
    if issue.number:
        share(iss, KGO.issueNumber, nt_integer(issue.number))
    if issue.cumulative_number:
        share(iss, KGO.cumulativeNumber, nt_integer(issue.cumulative_number))
    if issue.published:
        share(iss, DCTERMS.issued, nt_typed(issue.published, XSD + "date"))
    if issue.serial:
        share(iss, KGO.serialNumber, nt_string(issue.serial))
    return e


def document_lines(e: IssueLines, k: int, doc: Document, table: OrganisationTable) -> None:
    """Add the lines of ``doc``, the issue's ``k``-th document (counted from 0)."""
    minter = e.m
    d = minter.published_document(doc.number, e.issue.sha256, k)
    if doc.number:
        e.numbered[doc.number] = d
    e.out = e.shared if doc.number in e.shared_numbers else e.local
    _document(e, doc, d, _iri(e.issue_path), table)
    e.named.update(m.organisation for m in (*doc.issuers, *(r.org for t in doc.tasks for r in t.responsibilities))
                   if m.resolved)


def finish_lines(e: IssueLines, table: OrganisationTable) -> None:
    """Add the lines of the issue's table of contents and of the organisations its documents name."""
    iss = _iri(e.issue_path)
    e.out = e.shared
    for n, entry in enumerate(e.issue.toc):
        toc = _iri(e.m.part(e.issue_path, "toc", n))
        e.add(iss, KGO.hasTocEntry, toc)
        e.add(toc, A, KGO.TocEntry)
        e.add(toc, KGO.position, nt_integer(n))
        e.add(toc, RDFS.label, nt_lang(entry.title))
        if entry.page is not None:
            e.add(toc, KGO.page, nt_integer(entry.page))
        if entry.category:
            e.add(toc, KGO.category, nt_lang(entry.category))
        if entry.doc_number in e.numbered:
            e.add(toc, KGO.listsDocument, _iri(e.numbered[entry.doc_number]))
        e.sourced(toc, entry.span)
    e.shared.extend(organisation_lines(table, e.m, sorted(e.named)))


def _document(e: IssueLines, doc: Document, d: str, iss: str, table: OrganisationTable):
    add, m = e.add, e.m
    doc_iri = _iri(d)
    add(doc_iri, A, KGO.PolicyDocument)
    add(doc_iri, A, ELI.LegalResource)
    add(doc_iri, KGO.publishedIn, iss)
    add(doc_iri, KGO.sourceText, e.source)
    add(doc_iri, ELI.title, nt_lang(doc.title))
    add(doc_iri, RDFS.label, nt_lang(doc.title))
    if doc.number:
        add(doc_iri, ELI.id_local, nt_string(doc.number))
    if doc.date:
        add(doc_iri, ELI.date_document, nt_typed(doc.date, XSD + "date"))
    if doc.kind:
        add(doc_iri, KGO.documentKind, nt_lang(doc.kind))
    if doc.enclosed_title:
        add(doc_iri, KGO.enclosedTitle, nt_lang(doc.enclosed_title))
    if doc.toc_page is not None:
        add(doc_iri, KGO.tocPage, nt_integer(doc.toc_page))
    if doc.jurisdiction:
        add(doc_iri, KGO.jurisdiction, nt_lang(doc.jurisdiction))
    if doc.jurisdiction_reason:
        add(doc_iri, KGO.jurisdictionReason, nt_string(doc.jurisdiction_reason))
    for a in doc.addressees:
        add(doc_iri, KGO.addressee, nt_lang(a))
    for a in doc.annexes:
        add(doc_iri, KGO.annexTitle, nt_lang(a))
    e.sourced(doc_iri, doc.span)
    for n, issuer in enumerate(doc.issuers):
        org = _iri(m.organisation(issuer.organisation))
        sig = _iri(m.part(d, "signature", n))
        add(doc_iri, ELI.passed_by, org)
        add(doc_iri, KGO.signature, sig)
        add(sig, A, KGO.Signature)
        add(sig, KGO.issuer, org)
        add(sig, KGO.position, nt_integer(n))
        add(sig, KGO.mention, nt_string(issuer.mention))
        e.sourced(sig, issuer.span)
        _unresolved(e, issuer)
    for n, s in enumerate(doc.sections):
        sec = _iri(m.section(d, s.path))
        add(sec, KGO.position, nt_integer(n))
        add(sec, A, KGO.Section)
        add(sec, A, ELI.LegalResourceSubdivision)
        add(doc_iri, ELI.has_part, sec)
        add(sec, ELI.is_part_of, doc_iri)
        add(sec, DCTERMS.identifier, nt_string(s.path))
        add(sec, KGO.marker, nt_string(s.marker))
        if s.title:
            add(sec, RDFS.label, nt_lang(s.title))
        if s.parent:
            add(sec, KGO.parentSection, _iri(m.section(d, s.parent)))
        e.sourced(sec, s.span)
    for n, task in enumerate(doc.tasks):
        _task(e, task, n, d, doc_iri)
    _citations(e, doc, doc_iri, d)
    add_targets(e, doc, doc_iri, d)
    add_industries(e, doc, doc_iri, d)
    add_honorees(e, doc, doc_iri, d)


def _task(e: IssueLines, task, n: int, d: str, doc_iri: str):
    add, m = e.add, e.m
    t_path = m.task(d, task.id)
    t = _iri(t_path)
    add(t, KGO.position, nt_integer(n))
    add(t, A, KGO.Task)
    add(t, KGO.inDocument, doc_iri)
    add(t, KGO.inSection, _iri(m.section(d, task.section)))
    add(t, DCTERMS.identifier, nt_string(task.id))
    add(t, RDFS.label, nt_lang(task.title))
    if task.deadline:
        add(t, KGO.deadline, nt_lang(task.deadline))
    e.sourced(t, task.span)
    e.sourced(t, task.clause, KGO.clauseSource)
    for k, r in enumerate(task.responsibilities):
        org = _iri(m.organisation(r.org.organisation))
        role = Role(r.role)
        assoc = _iri(m.part(t_path, "responsibility", k))
        add(t, PROV.qualifiedAssociation, assoc)
        add(t, role_shortcut(role), org)
        add(t, KGO.responsibleOrganisation, org)
        add(assoc, A, KGO.Responsibility)
        add(assoc, PROV.agent, org)
        add(assoc, PROV.hadRole, role_term(role))
        add(assoc, KGO.mention, nt_string(r.org.mention))
        add(assoc, KGO.position, nt_integer(k))
        add(assoc, KGO.roleRule, nt_string(r.rule))
        if r.nonexhaustive:
            add(assoc, KGO.nonExhaustive, nt_typed("true", XSD + "boolean"))
        e.sourced(assoc, r.org.span)
        _unresolved(e, r.org)


def _unresolved(e: IssueLines, mention):
    if not mention.resolved:
        org = _iri(e.m.organisation(mention.organisation))
        e.share(org, A, ORG.Organization)
        e.share(org, A, KGO.UnresolvedOrganisation)
        e.share(org, RDFS.label, nt_lang(mention.mention))
        e.share(org, SKOS.prefLabel, nt_lang(mention.mention))


def _citations(e: IssueLines, doc, doc_iri: str, d: str):
    for n, c in enumerate(doc.citations):
        number = c.number or e.titles.get(c.title)
        cited = _iri(e.m.document(number) if number else e.m.titled_document(c.title))
        cit = _iri(e.m.part(d, "citation", n))
        e.add(cit, KGO.position, nt_integer(n))
        e.add(doc_iri, ELI.cites, cited)
        e.add(doc_iri, KGO.citation, cit)
        e.add(cit, A, KGO.Citation)
        e.add(cit, KGO.citedDocument, cited)
        e.sourced(cit, c.span)
        e.share(cited, A, KGO.PolicyDocument)
        e.share(cited, A, ELI.LegalResource)
        if number:
            e.share(cited, ELI.id_local, nt_string(number))
        if c.title:
            e.share(cited, ELI.title, nt_lang(c.title))
            e.share(cited, RDFS.label, nt_lang(c.title))
