"""Checks an Atom document against RFC 4287: its RELAX NG grammar (schemas/atom.rnc, converted
by rnc2rng) and the rules beyond the grammar that the W3C Feed Validation Service reports
(schemas/atom.sch, ISO Schematron), both run by libxml2 through lxml.

The W3C validator itself (github.com/w3c/feedvalidator) is no published package: see
docs/decisions/0006-atom-validation.md."""

from functools import cache
from pathlib import Path

import rnc2rng
from lxml import etree, isoschematron

SCHEMAS = Path(__file__).parent / "schemas"


@cache
def grammar() -> etree.RelaxNG:
    rng = rnc2rng.dumps(rnc2rng.load(str(SCHEMAS / "atom.rnc")))
    # rnc2rng also declares the grammar's `local` prefix (the empty namespace) on the root,
    # which XML 1.0 namespaces forbid; the patterns themselves say ns="" and need no prefix.
    rng = rng.replace(' xmlns:local=""', "", 1)
    return etree.RelaxNG(etree.fromstring(rng.encode()))


@cache
def rules() -> isoschematron.Schematron:
    return isoschematron.Schematron(etree.parse(str(SCHEMAS / "atom.sch")), store_report=True)


def atom_problems(document: bytes) -> list[str]:
    """Every way `document` breaks RFC 4287 or the validator's rules; empty when it is valid."""
    tree = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
    problems = []
    if not grammar().validate(tree):
        problems += [f"line {e.line}: {e.message}" for e in grammar().error_log]
    if not rules().validate(tree):
        report = rules().validation_report
        for failed in report.iter("{http://purl.oclc.org/dsdl/svrl}failed-assert"):
            text = " ".join("".join(failed.itertext()).split())
            problems.append(f"{failed.get('location')}: {text}")
    return problems
