"""Which event of an article a place in its text is about.

For claims the rules read from the text themselves (roles, status words): like a count, such a
claim belongs to the event word of its clause, else to the nearest one in its sentence.
"""

from __future__ import annotations

from consistency.model import Event
from consistency.timeline import Timeline


def event_at(timeline: Timeline, position: int) -> Event | None:
    """The event named nearest ``position`` in its clause, else in its sentence; None when
    the sentence names no event."""
    segments = timeline.article.extraction.segments
    words = [
        (mention.start, event)
        for event in timeline.events
        for mention in event.mentions
        if mention.event is not None
    ]
    for start, end in (segments.clause_at(position), segments.sentence_at(position)):
        near = [(abs(s - position), s, e) for s, e in words if start <= s < end]
        if near:
            return min(near, key=lambda item: item[:2])[2]
    return None
