"""A headline that sums up an event the body reports (issue 19, spurious mentions).

"Over 100 girls abducted in attack of northern <country> town" over "Gunmen of <group>
kidnapped 100 students in <town>": the title names no one who acted, only whom or where;
the body names them. The title's mention is more evidence of the body's event, not an
event of its own. Pure function over event actors, used by extract/events.py.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronicle.model import EventActor


def summarised_by(title_actors: Sequence[EventActor], body_actors: Sequence[EventActor]) -> bool:
    """Whether a title-block mention with no source names only actors the body's mention
    names too, or countries of actors it names ("<country> town": the country of the
    kidnapped students)."""
    if any(a.role == "source" for a in title_actors) or not any(a.role == "source" for a in body_actors):
        return False
    ids = {a.id for a in body_actors}
    countries = {a.country for a in body_actors if a.country}
    return all(a.id in ids or (a.country is not None and a.country in countries) for a in title_actors)
