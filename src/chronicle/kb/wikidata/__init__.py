"""Wikidata exports converted to KB actors (`chronicle kb import-wikidata FILE`).

Two export formats are read (docs/knowledge-base-wikidata.md lists every accepted shape):

* entity JSON, as `Special:EntityData/Qxxx.json` serves it (`{"entities": {...}}`), a JSON
  list of entities, a single entity, or a dump slice / JSON lines (one entity per line);
* SPARQL query results JSON (`{"head": {"vars": ...}, "results": {"bindings": [...]}}`), and
  the flat JSON list the query service's "download JSON" writes.

Positions held (P39) become roles only when `data/wikidata_positions.yaml` (or a user map)
maps the position's QID to a chronicle office; everything else is skipped and counted in
the returned `WikidataImport`. Conversion is pure: bytes in, KB YAML text and a report out.
Malformed input raises ValueError naming the problem.

One step a module, in the order a file goes through them: `document` (bytes to a
document, which format), `entities` or `sparql` (the document to `records.Person`s),
`positions` (the position map), `roles` (statements to dated roles), `convert` (persons
to actors the KB accepts), `writer` (the KB YAML text), `report` (what was left out).
"""

from .convert import convert_wikidata, slug
from .positions import Position, PositionMap, load_position_map, parse_position_map
from .report import WikidataImport

__all__ = [
    "Position",
    "PositionMap",
    "WikidataImport",
    "convert_wikidata",
    "load_position_map",
    "parse_position_map",
    "slug",
]
