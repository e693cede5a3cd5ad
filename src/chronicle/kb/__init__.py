"""The actor knowledge base: countries, offices, organizations and persons with dated roles.

Loaded from the packaged YAML files (`data/countries.yaml`, `data/offices.yaml`,
`data/organizations.yaml`, `data/actors/*.yaml`) plus any files a user added to the store
(`chronicle kb add`). Every error names its file, line and reason; `validate` checks the
KB's consistency (one holder per office at a time, spans in order, aliases unique or
marked ambiguous). The KB is immutable once built; look-ups are pure.

The package, one job a module: `records` (Actor, Role, Country, KbFile, problems, `name_key`),
`files` (the packaged files, reading one), `load` (files to a KB), `lookups` (the
KnowledgeBase and its indexes), `validate` (the whole KB's consistency), `wikidata/` (a
Wikidata export converted to a KB file, `chronicle kb import-wikidata`).
"""

from .files import fingerprint, packaged_files, parse_file
from .load import load_kb
from .lookups import KnowledgeBase
from .records import ACTOR_KINDS, Actor, Country, KbError, KbFile, KbProblem, Role, name_key
from .validate import validate

__all__ = [
    "ACTOR_KINDS",
    "Actor",
    "Country",
    "KbError",
    "KbFile",
    "KbProblem",
    "KnowledgeBase",
    "Role",
    "fingerprint",
    "load_kb",
    "name_key",
    "packaged_files",
    "parse_file",
    "validate",
]
