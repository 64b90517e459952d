"""Claims: what an article says about which event.

Reads an article sentence by sentence, as an editor does: each event word either refers to
an event already mentioned (pointing back, "那场会议", or the same kind of event with no
date against it) or starts a new one; each date, relative timing and count is attached to
the event its sentence is about.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from consistency import resources
from consistency.entities import find_entities, owner_before
from consistency.extract import Extraction
from consistency.extract.acronyms import AcronymMention, find_acronyms
from consistency.extract.ages import Age, find_ages
from consistency.extract.clocks import find_clocks
from consistency.extract.elapsed import find_elapsed, is_anchor_word
from consistency.extract.enumerations import Enumeration, find_enumerations
from consistency.extract.events import family_label, trigger_rank
from consistency.extract.names import NameMention, find_codes, find_names
from consistency.extract.roles import Role, find_roles
from consistency.extract.status import Status
from consistency.extract.times import weekday_labels
from consistency.lang import cjk_bigrams, is_cjk

# re.compile here defers compiling each pattern to its first use (LazyPattern): start-up
from consistency.lang import deferred_re as re
from consistency.lang.zh import SPECIFIC_CLASSIFIERS
from consistency.measures import (
    dimensions,
    in_base_unit,
    in_minutes,
    measure_after,
    measure_before,
    not_the_value,
    segment_before,
    version_in,
)
from consistency.model import (
    Claim,
    Document,
    Event,
    EventWord,
    Mention,
    ResolvedDate,
    TimeExpr,
)
from consistency.names import same_name
from consistency.qualifiers import group_of, qualify, rate_of
from consistency.resolve import resolve_time

# An anchor written without an event word ("特朗普对着话筒说“合作”的同时") is matched to
# the earlier event whose sentences share the most with it; below this score it stays unknown.
_MIN_ANCHOR_SCORE = 2
_MAX_LABEL_CHARS = 14
# "事发次日": the anchor is the incident the story is about.
_INCIDENT_WORDS = frozenset("事发 案发 出事 事故发生 灾后 震后 赛后 会后 火灾发生 案件发生".split())
# How far back an unanchored relative expression looks for the event it counts from.
_RECENT_SENTENCES = 3


@dataclass(frozen=True)
class ArticleClaims:
    """One article's events (not yet dated) and the claims made about them."""

    document: Document
    extraction: Extraction
    events: tuple[Event, ...]
    claims: tuple[Claim, ...]
    # "TOKYO, Feb 3 (Reuters) -", "北京2月5日电": the day the story was filed, which its
    # "yesterday" and "昨日" count from
    dateline: Mention | None = None
    # the dateline's date, completed from the publication date
    filed: ResolvedDate | None = None
    # the day the story was written: the dateline's, else the publication date (a whole
    # day, or None); a bare weekday ("on Friday") names a day of that week
    week_reference: dt.date | None = None
    # percentage claims of a known rate ("税率最高57%"): compared like counts, kept out of
    # ``claims`` so that the dating stages and the claim totals read what they did before
    percents: tuple[Claim, ...] = ()
    # lists of participants ("美、日、韩、澳等"), each with the claim of the countries it
    # names (slot ``count:country``); kept apart from ``claims``, which only rule E100 reads
    enumerations: tuple[tuple[Claim, Enumeration], ...] = ()
    # times of day given for an event ("上午9时5分", "09:03 local time"), slot ``clock``,
    # their value in the mention's facts (minute, zone, offset, hedged, round)
    clocks: tuple[Claim, ...] = ()
    # what the article says of people, bodies and measures, read once here for the rules:
    # names as spelled (N100), acronyms with their expansions (A100, A101), offices given
    # to people (R100), and status words of measures ("开征", "extends"; M100: read by the
    # timeline stage, which knows the publication year)
    names: tuple[NameMention, ...] = ()
    # codes of flights, registrations, models ("7C2216"), keyed without their dash
    codes: tuple[NameMention, ...] = ()
    acronyms: tuple[AcronymMention, ...] = ()
    roles: tuple[Role, ...] = ()
    statuses: tuple[Status, ...] = ()
    # ages given to named people ("Lila Bonner, 9"; P100)
    ages: tuple[Age, ...] = ()
    # measured values with what they measure ("续航760公里": slot ``measure:range:length``)
    measures: tuple[Claim, ...] = ()
    # time elapsed from a moment of the story ("起飞后30秒": slot ``elapsed:takeoff:accident``;
    # "上映第12天…10亿美元": ``elapsed:release:1e+09 USD``), in seconds in the facts
    elapsed: tuple[Claim, ...] = ()


@dataclass
class _EventDraft:
    id: str
    family: str
    implicit: bool = False
    identified: bool = False
    mentions: list[Mention] = field(default_factory=list)
    dates: list[TimeExpr] = field(default_factory=list)
    participants: set[str] = field(default_factory=set)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    # the distinct words that named it, by (name, trigger)
    words: dict[tuple[str, str], EventWord] = field(default_factory=dict)

    def accepts(self, dates: list[TimeExpr], published_year: int | None) -> bool:
        """No date of the new mention contradicts a date already given for this event.

        A date written without a year is taken to be in the publication year here, so
        "2025年5月的第二届会议" starts a new event in a 2026 story about a 2月 meeting."""
        for new in dates:
            for old in self.dates:
                new_year = new.year if new.year_explicit else published_year
                old_year = old.year if old.year_explicit else published_year
                if None not in (new_year, old_year) and new_year != old_year:
                    return False
                if None not in (new.month, old.month) and new.month != old.month:
                    return False
                if None not in (new.day, old.day) and new.day != old.day:
                    return False
        return True


class _Reader:
    def __init__(
        self, document: Document, extraction: Extraction, week_reference: dt.date | None
    ) -> None:
        self.document = document
        self.extraction = extraction
        self.drafts: list[_EventDraft] = []
        # every resolved event mention, in text order: (position, draft)
        self.timeline: list[tuple[int, _EventDraft]] = []
        # the events named so far, by id, in the order of their last mention
        self.recent: dict[str, _EventDraft] = {}
        self.claims: list[Claim] = []
        self.week_reference = week_reference
        self.percents: list[Claim] = []
        self.clocks: list[Claim] = []
        self.story_draft: _EventDraft | None = None
        self.measures: list[Claim] = []
        self.elapsed: list[Claim] = []
        self.enumerations: list[tuple[Claim, Enumeration]] = []

    def new_draft(self, family: str, implicit: bool = False) -> _EventDraft:
        draft = _EventDraft(f"{self.document.path}#{len(self.drafts) + 1}", family, implicit)
        self.drafts.append(draft)
        return draft

    def resolve_event(self, mention: Mention, dates: list[TimeExpr]) -> _EventDraft:
        assert mention.event is not None
        family = mention.event.family
        # each event once, the most recently mentioned first
        candidates = [
            draft
            for draft in reversed(self.recent.values())
            if draft.family == family or _shortens(mention.event.trigger, draft)
        ]
        named = next(
            (d for d in candidates if any(same_name(w, mention.event) for w in d.words.values())),
            None,
        )
        # "那场会议", "the semifinal" point back to the last event called by that word;
        # with no such event the mention is read like any other.
        same_word = [
            d
            for d in candidates
            if any(w.trigger == mention.event.trigger for w in d.words.values())
            or _shortens(mention.event.trigger, d)
        ]
        if mention.event.anaphoric and same_word:
            draft = same_word[0]
            draft.identified = True
        elif named is not None:
            draft = named
            draft.identified = True
        else:
            published = self.document.published
            year = published.year if published else None
            draft = next((d for d in candidates if d.accepts(dates, year)), None) or self.new_draft(
                family
            )
        draft.mentions.append(mention)
        draft.words.setdefault((mention.event.name, mention.event.trigger), mention.event)
        draft.dates.extend(dates)
        self.timeline.append((mention.start, draft))
        self.recent.pop(draft.id, None)
        self.recent[draft.id] = draft
        return draft

    def previous_event(self, position: int, exclude: _EventDraft | None) -> _EventDraft | None:
        """The event an unanchored "第二天" / "the next day" counts from: one named earlier
        in the same sentence, else the one the last few sentences talk about most."""
        segments = self.extraction.segments
        sentence = segments.sentence_index(position)
        earlier = [
            (start, draft)
            for start, draft in self.timeline
            if start < position and draft is not exclude
        ]
        same_sentence = [d for s, d in earlier if segments.sentence_index(s) == sentence]
        if same_sentence:
            return same_sentence[-1]
        recent = [
            (order, draft)
            for order, (start, draft) in enumerate(earlier)
            if sentence - segments.sentence_index(start) <= _RECENT_SENTENCES
        ]
        if not recent:
            return earlier[-1][1] if earlier else None
        weight = {id(d): sum(1 for _, other in earlier if other is d) for _, d in recent}
        return max(recent, key=lambda item: (weight[id(item[1])], item[0]))[1]

    def anchor_by_words(self, start: int, end: int) -> _EventDraft | None:
        """The earlier event whose sentences share named participants and words with an anchor."""
        text = self.extraction.folded
        entities = find_entities(text, start, end)
        words = _bigrams(text[start:end])
        sentence_start = self.extraction.segments.sentence_at(start)[0]
        best: tuple[int, int, _EventDraft] | None = None
        for order, draft in enumerate(self.drafts):
            # Only what was said before this sentence can be what it points back to.
            earlier = [(s, e) for s, e in draft.sentences if e <= sentence_start]
            if draft.implicit or not earlier:
                continue
            shared_entities = set().union(*(find_entities(text, s, e) for s, e in earlier))
            shared_words = set().union(*(_bigrams(text[s:e]) for s, e in earlier))
            score = 2 * len(entities & shared_entities) + len(words & shared_words)
            if score >= _MIN_ANCHOR_SCORE and (best is None or (score, order) > best[:2]):
                best = (score, order, draft)
        return best[2] if best else None

    def read(self) -> None:
        segments = self.extraction.segments
        mentions = self.extraction.mentions
        index = 0
        for sentence in segments.sentences:
            in_sentence = []
            while index < len(mentions) and mentions[index].start < sentence[1]:
                if mentions[index].start >= sentence[0]:
                    in_sentence.append(mentions[index])
                index += 1
            if _in_caption(self.extraction.folded, sentence[0]):
                # A picture's caption dates the picture ("… face reporters on April 23"):
                # its days and counts are kept, but no event it names is dated by them.
                in_sentence = [m for m in in_sentence if m.kind != "event"]
            self.read_sentence(sentence, in_sentence)

    def read_sentence(self, sentence: tuple[int, int], mentions: list[Mention]) -> None:
        segments = self.extraction.segments
        times = [m for m in mentions if m.kind == "time"]
        anchors = [m.time.anchor for m in times if m.time and m.time.anchor]

        def in_anchor(mention: Mention) -> bool:
            return any(start <= mention.start < end for start, end in anchors)

        event_mentions = [m for m in mentions if m.kind == "event"]
        subjects = [m for m in event_mentions if not in_anchor(m)]

        def subject_of(position: int) -> Mention | None:
            clause = segments.clause_at(position)
            same_clause = [m for m in subjects if clause[0] <= m.start < clause[1]]
            later = [m for m in subjects if m.start > position]
            earlier = [m for m in subjects if m.start < position]
            # Within a clause the nearest event word ("beating Eastvale in the semifinal on
            # March 4" dates the semifinal, not "the final" earlier in the clause).
            nearest = sorted(same_clause, key=lambda m: (abs(m.start - position), -m.start))
            chosen = nearest[:1] or later[:1] or earlier[-1:]
            a_date = any(t.start == position and t.time and t.time.kind == "date" for t in times)
            labels_relative = any(
                t.time.kind == "relative" and 0 <= position - t.end <= 3 for t in times if t.time
            )
            if not chosen and a_date and not labels_relative:
                # "called off the search a day after the earthquake hit …, on Jan 7": with no
                # other event named, a date after the anchor's event word is that event's
                # (not "发布会次日（3月4日）", the next day's own date)
                chosen = [m for m in event_mentions if in_anchor(m) and m.start < position][-1:]
            return chosen[0] if chosen else None

        folded = self.extraction.folded
        times = [t for t in times if not _is_deadline(folded, t) and not _is_dateline(folded, t)]
        # "27日公布了事故初步调查报告", "officials said on Monday": the day of a statement
        # about a crash or a flood, not of the crash; a press conference is its statement.
        times = [
            t
            for t in times
            if not (
                _statement_date(folded, t, sentence, mentions) and not _spoken(subject_of(t.start))
            )
        ]
        # "opened on Thursday, March 4": the date belongs where its weekday stands
        weekday_before = {
            t.start: w.start
            for w, t in itertools.pairwise(times)
            if w.time
            and w.time.kind == "weekday"
            and _WEEKDAY_GAP.fullmatch(folded, w.end, t.start)
        }
        # a weekday written beside a date ("周三（4日）") labels that date: no claim of its own
        labels = {weekday.start for _, weekday, _ in weekday_labels(times, folded)}
        date_subjects = {
            t.start: subject_of(weekday_before.get(t.start, t.start))
            for t in times
            if t.time and t.time.kind == "date"
        }
        weekday_subjects = {
            t.start: (subject, day)
            for t in times
            if t.start not in labels
            and (subject := self.weekday_subject(t, times, subject_of)) is not None
            and (day := self.week_day(t)) is not None
        }
        drafts: dict[int, _EventDraft] = {}
        participants = find_entities(self.extraction.folded, *sentence)
        for mention in event_mentions:
            dates = [
                t.time
                for t in times
                if t.time and date_subjects.get(t.start) is mention and t.time.kind == "date"
            ]
            # "the meeting on Tuesday" in a story filed on a Thursday is two days earlier: a
            # meeting the story dates otherwise is another one, unless it points back to it
            dates += [day for subject, day in weekday_subjects.values() if subject is mention]
            draft = self.resolve_event(mention, dates)
            draft.participants |= participants
            if sentence not in draft.sentences:
                draft.sentences.append(sentence)
            drafts[mention.start] = draft

        implicit: _EventDraft | None = None

        def subject_draft(position: int) -> _EventDraft | None:
            mention = subject_of(position)
            return drafts[mention.start] if mention else implicit

        # Dates first, so that "两天后，3月5日" can relate the day it names even when the
        # sentence names no event of its own.
        ordered = sorted(
            times, key=lambda t: (t.time is None or t.time.kind == "relative", t.start)
        )
        for time_mention in ordered:
            time = time_mention.time
            assert time is not None
            if time_mention.start in weekday_subjects:
                event_word = weekday_subjects[time_mention.start][0]
                self.add_claim(drafts[event_word.start], "weekday", time_mention, sentence)
                continue
            # Periods ("上周"), holidays and clock times are read by mentions() against a
            # reference date; the checker dates events from the other kinds.
            if time.kind not in ("date", "deictic", "relative"):
                continue
            subject = subject_draft(weekday_before.get(time_mention.start, time_mention.start))
            if subject is None and time.kind in ("date", "deictic"):
                implicit = self.new_draft("unspecified", implicit=True)
                implicit.sentences.append(sentence)
                self.timeline.append((time_mention.start, implicit))
                subject = implicit
            if subject is None:
                continue
            if time.kind in ("date", "deictic"):
                if subject.implicit:
                    subject.dates.append(time)
                self.add_claim(subject, "date", time_mention, sentence)
                continue
            anchor = self.anchor_of(time_mention, subject, drafts)
            if anchor is None or anchor is subject:
                continue
            anchor_text = (
                self.extraction.text[time.anchor[0] : time.anchor[1]] if time.anchor else None
            )
            self.add_claim(
                subject, "relation", time_mention, sentence, anchor.id, anchor_text=anchor_text
            )

        for mention in mentions:
            quantity = mention.quantity
            if quantity is None or quantity.kind not in ("count", "ratio", "percent"):
                continue
            if quantity.kind == "percent":
                self.add_percent(mention, event_mentions, drafts, sentence)
                continue
            slot = "ratio" if quantity.kind == "ratio" else _count_slot(quantity)
            if (quantity.counted or "").split(":")[0] in _OWNED:
                # a party's seats, a team's medals, a candidate's votes: compared only with
                # the same owner's ("美国队…40面金牌" and "American … 126 total medals")
                clause = self.extraction.segments.clause_at(mention.start)
                window = _OWNER_WINDOW[self.extraction.language]
                owner = owner_before(
                    self.extraction.folded, max(clause[0], mention.start - window), mention.start
                )
                if owner is None:
                    continue  # whose medals or seats is not said: nothing to compare
                slot += f"@{owner}"
            nearest = self.event_for_quantity(mention, event_mentions)
            if nearest is not None:
                self.add_claim(drafts[nearest.start], slot, mention, sentence)
            elif _well_defined(quantity) and (main := self.main_event() or self.story()):
                # "港外锚地滞留船只已达47艘" names no event: a count of a well-defined thing
                # is about what the story is about.
                self.add_claim(main, slot, mention, sentence)

        self.read_enumerations(sentence, event_mentions, drafts)
        self.read_clocks(sentence, drafts, subject_of)
        self.read_measures(sentence, mentions, event_mentions, drafts)
        self.read_elapsed(sentence, mentions, event_mentions)

    def read_elapsed(
        self, sentence: tuple[int, int], mentions: list[Mention], event_mentions: list[Mention]
    ) -> None:
        """Time elapsed from a moment of the story, with what happened then: a figure the
        sentence gives ("上映第12天拿下10亿美元": the milestone), else the event it names, else
        the story's ("起飞后30秒便听到一声巨响": the crash)."""
        extraction = self.extraction
        found = find_elapsed(extraction.folded, extraction.language, *sentence)
        for elapsed in found:
            # a sum reached then ("…拿下10亿美元"), not a toll: written after the interval
            milestone = next(
                (
                    m.quantity
                    for m in mentions
                    if m.quantity is not None
                    and m.quantity.kind == "money"
                    and m.start >= elapsed.end
                ),
                None,
            )
            if milestone is not None:
                what = f"{float(f'{milestone.low:.2g}'):g} {milestone.unit}"
            else:
                # what happened then: an event word after the interval, not an anchor's
                # ("升空" is the takeoff counted from, not what happened)
                later = [
                    m
                    for m in event_mentions
                    if m.start >= elapsed.end and not is_anchor_word(m.text, extraction.language)
                ]
                if later and later[0].event:
                    what = later[0].event.family
                else:
                    # else the story's: the event told most, in words that are not anchors
                    draft = self.main_event(
                        lambda d: any(
                            not is_anchor_word(m.text, extraction.language) for m in d.mentions
                        )
                    )
                    if draft is None:
                        continue
                    what = draft.family
            facts = (("anchor", elapsed.anchor), ("high", elapsed.high), ("low", elapsed.low))
            text = self.document.raw[elapsed.start : elapsed.end]
            mention = Mention("elapsed", text, elapsed.start, elapsed.end, facts=facts)
            story = (self.main_event() or self.story()).id
            slot = f"elapsed:{elapsed.anchor}:{what}"
            self.elapsed.append(Claim(self.document.path, story, slot, mention, sentence))

    def read_measures(
        self,
        sentence: tuple[int, int],
        mentions: list[Mention],
        event_mentions: list[Mention],
        drafts: dict[int, _EventDraft],
    ) -> None:
        """Lengths, durations and money with what they measure, named just before them in
        their clause ("续航760公里", "price of $29,800") or just after ("four miles from
        the runway")."""
        extraction = self.extraction
        folded, language = extraction.folded, extraction.language
        window = _MEASURE_WINDOW[language]
        for mention in mentions:
            quantity = mention.quantity
            if quantity is None or quantity.kind not in ("measure", "money"):
                continue
            base = in_base_unit(quantity.unit, quantity.kind)
            if base is None:
                continue
            clause = extraction.segments.clause_at(mention.start)
            # back to the last comma or semicolon ("CLTC range: up to 835 km" keeps "range")
            before = folded[max(sentence[0], mention.start - window) : mention.start]
            before = re.split(r"[;；，]|,(?!\d)", before)[-1]  # (not "253,500")
            after = folded[mention.end : min(clause[1], mention.end + window)]
            found = measure_before(before, language)
            name = found[0] if found else measure_after(after, language)
            if name is None or base[0].split(":")[0] not in dimensions(name):
                continue
            if not_the_value(folded[clause[0] : clause[1]], language) or version_in(
                folded[sentence[0] : sentence[1]]
            ):
                continue  # "预计下一季营收430亿美元", "全部为YU7 Max,起售价35.04万元"
            slot = f"measure:{name}:{base[0]}"
            segment = segment_before(before[: found[1]], language) if found else None
            if segment:
                slot += f"@{segment}"  # "数据中心营收" is not the whole revenue
            window_of = [
                minutes
                for m in mentions
                if m is not mention
                and m.quantity is not None
                and clause[0] <= m.start < clause[1]
                and base[0] == "length"
                and (minutes := in_minutes(m.quantity)) is not None
            ]
            if window_of:
                # "rose 26 feet in 45 minutes" is not "rose 30 feet in 90 minutes"
                slot += f"#in{window_of[0]:g}min"
            period = _period_of(folded, clause, mention.start)
            if period:
                slot += f"#{period}"
            nearest = self.event_for_quantity(mention, event_mentions)
            draft = drafts[nearest.start] if nearest is not None else self.main_event()
            draft = draft or self.story()
            self.measures.append(Claim(self.document.path, draft.id, slot, mention, sentence))

    def read_clocks(
        self,
        sentence: tuple[int, int],
        drafts: dict[int, _EventDraft],
        subject_of: Callable[[int], Mention | None],
    ) -> None:
        """Times of day, each given to the event its clause is about."""
        folded = self.extraction.folded
        if not _MAY_HOLD_CLOCK.search(folded, *sentence):
            return
        clocks = [
            clock
            for clock in find_clocks(folded, *sentence)
            # "截至当天上午6时": the time a figure holds at
            if not _AS_OF_BEFORE.search(folded, max(sentence[0], clock.start - 8), clock.start)
        ]
        subjects = {clock.start: subject_of(clock.start) for clock in clocks}
        for clock in clocks:
            subject = subjects[clock.start]
            # "8时59分发出求救,直至9时03分客机坠毁": of one sentence's times of an event,
            # the one nearest its word is its time (9:03)
            rivals = [
                c
                for c in clocks
                if subjects[c.start] is subject
                and c is not clock
                # "09:03 local time (00:03 GMT)": one moment written twice is no rival
                and not (0 <= c.start - clock.end <= 16 or 0 <= clock.start - c.end <= 16)
            ]
            if subject is not None and any(
                abs(c.start - subject.start) < abs(clock.start - subject.start) for c in rivals
            ):
                continue
            if _STATED_AFTER.match(
                folded, clock.end, self.extraction.segments.clause_at(clock.start)[1]
            ):
                continue  # "下午2時回覆", "上午10时表示": the time of a statement
            same_clause = False
            if subject is not None and subject.start in drafts:
                draft = drafts[subject.start]
                clause = self.extraction.segments.clause_at(clock.start)
                same_clause = clause[0] <= subject.start < clause[1]
            elif not drafts and not _STATED_AFTER.search(folded, *sentence):
                # "時間是廿九日上午約九時三分": a sentence naming no event is about the story's
                draft = self.main_event()
                if draft is None:
                    continue
            else:
                continue
            zone = clock.zone
            facts = (
                # said in the clause of the event's word ("9时5分发生6.8级地震")
                ("direct", same_clause or not drafts),
                ("hedged", clock.hedged),
                ("minute", clock.minute),
                ("offset", zone.offset if zone else None),
                ("round", clock.round_hour),
                ("zone", zone.name if zone else None),
            )
            text = self.document.raw[clock.start : clock.end]
            mention = Mention("clock", text, clock.start, clock.end, facts=facts)
            self.clocks.append(Claim(self.document.path, draft.id, "clock", mention, sentence))

    def weekday_subject(
        self, weekday: Mention, times: list[Mention], subject_of: Callable[[int], Mention | None]
    ) -> Mention | None:
        """The event word a bare weekday dates: one in the same clause, when the clause
        holds no other time ("去年的记者会于周五举行" is about another year's week) and the
        weekday is not that of a statement ("said on Friday" dates the saying)."""
        if weekday.time is None or not _bare_weekday(weekday.time):
            return None
        clause = self.extraction.segments.clause_at(weekday.start)
        if any(t is not weekday and clause[0] <= t.start < clause[1] for t in times):
            return None
        if _said_on(self.extraction.folded, weekday):
            return None
        event_word = subject_of(weekday.start)
        if event_word is None or not clause[0] <= event_word.start < clause[1]:
            return None
        return event_word

    def week_day(self, weekday: Mention) -> TimeExpr | None:
        """The day a bare weekday names: the nearest such day to the dateline or, without
        one, to the publication date."""
        reference = self.week_reference
        if reference is None or weekday.time is None or weekday.time.weekday is None:
            return None
        ahead = (weekday.time.weekday - reference.weekday()) % 7
        day = reference + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)
        return TimeExpr("date", day.year, day.month, day.day, year_explicit=True)

    def add_percent(
        self,
        mention: Mention,
        event_mentions: list[Mention],
        drafts: dict[int, _EventDraft],
        sentence: tuple[int, int],
    ) -> None:
        """A percentage of a known rate ("税率", "tariff"), for whom it is given: slot
        ``percent:<rate>`` or ``percent:<rate>@<group>`` ("对韩国企业" is not "OCI公司")."""
        extraction = self.extraction
        clause = extraction.segments.clause_at(mention.start)
        rate = rate_of(extraction.folded, clause, extraction.language)
        if rate is None or _POINTS.match(extraction.folded, mention.end - 3, mention.end + 12):
            return  # "0.7个百分点", "2.3 points": a change of a rate, not the rate
        group = group_of(extraction.folded, clause, mention, extraction.language)
        slot = f"percent:{rate}" + (f"@{group}" if group else "")
        period = _period_of(extraction.folded, clause, mention.start)
        if period:
            # "全年毛利率75.5%" is not the quarter's 73.5%; "1997年的80%" not this vote's
            slot += f"#{period}"
        nearest = self.event_for_quantity(mention, event_mentions)
        draft = drafts[nearest.start] if nearest is not None else self.main_event()
        if draft is not None:
            self.add_claim(draft, slot, mention, sentence)

    def read_enumerations(
        self,
        sentence: tuple[int, int],
        event_mentions: list[Mention],
        drafts: dict[int, _EventDraft],
    ) -> None:
        """Lists of countries, attached like a count of countries: to the event word of the
        sentence nearest to the list, else to what the story is about."""
        extraction = self.extraction
        for enumeration in find_enumerations(extraction.folded, *sentence, extraction.language):
            mention = enumeration.mention(extraction.text)
            nearest = self.event_for_quantity(mention, event_mentions)
            draft = drafts[nearest.start] if nearest is not None else self.main_event()
            if draft is not None:
                claim = Claim(self.document.path, draft.id, "count:country", mention, sentence)
                self.enumerations.append((claim, enumeration))

    def story(self) -> _EventDraft:
        """The happening the whole article reports, for what it counts when it names no event
        word at all ("美國隊此次巴黎奧運共奪40面金牌" in a story of medal tables)."""
        if self.story_draft is None:
            self.story_draft = self.new_draft("story")
        return self.story_draft

    def main_event(
        self, admits: Callable[[_EventDraft], bool] = lambda draft: True
    ) -> _EventDraft | None:
        """The event mentioned most so far (the first of equals), of those ``admits`` lets
        in: what the story is about."""
        named = [d for d in self.drafts if not d.implicit and d.mentions and admits(d)]
        return max(named, key=lambda d: (len(d.mentions), -self.drafts.index(d)), default=None)

    def anchor_of(
        self, time_mention: Mention, subject: _EventDraft, drafts: dict[int, _EventDraft]
    ) -> _EventDraft | None:
        time = time_mention.time
        assert time is not None
        if (
            time.anchor
            and self.extraction.folded[time.anchor[0] : time.anchor[1]].strip() in _INCIDENT_WORDS
        ):
            return self.main_event()
        if time.anchor:
            named = [drafts[start] for start in drafts if time.anchor[0] <= start < time.anchor[1]]
            if named:
                return named[-1]
            # Only a clause-long anchor ("特朗普对着话筒说“合作”的同时") is worth matching
            # by its words; "中国商务部当天" names no event and means the one just reported.
            by_words = (
                self.anchor_by_words(*time.anchor)
                if time.order in ("same", "after") and (time.offset_days is None)
                else None
            )
            if by_words is not None:
                return by_words
        return self.previous_event(time_mention.start, exclude=subject)

    def event_for_quantity(self, mention: Mention, events: list[Mention]) -> Mention | None:
        """The event word in the quantity's clause, else the nearest one in its sentence."""
        clause = self.extraction.segments.clause_at(mention.start)
        same_clause = [e for e in events if clause[0] <= e.start < clause[1]]
        pool = same_clause or events
        if not pool:
            return None
        return min(pool, key=lambda e: (abs(e.start - mention.start), e.start))

    def add_claim(
        self,
        draft: _EventDraft,
        slot: str,
        mention: Mention,
        sentence: tuple[int, int],
        other_event: str | None = None,
        anchor_text: str | None = None,
    ) -> None:
        extraction = self.extraction
        qualifiers = qualify(
            extraction.text, extraction.folded, extraction.segments, mention, extraction.language
        )
        claim = Claim(
            self.document.path,
            draft.id,
            slot,
            mention,
            sentence,
            other_event,
            anchor_text,
            source=qualifiers.source,
            modality=qualifiers.modality,
            as_of=qualifiers.as_of,
            zone=qualifiers.zone,
        )
        # Percentages are kept apart: they are compared like counts but are not among the
        # claims that date events or that the summary counts.
        (self.percents if slot.startswith("percent:") else self.claims).append(claim)

    def events(self) -> tuple[Event, ...]:
        language = self.extraction.language
        return tuple(
            Event(
                id=draft.id,
                document=self.document.path,
                family=draft.family,
                label=_label(draft, language, self.document.raw, self.extraction.folded),
                names=tuple(dict.fromkeys(m.event.name for m in draft.mentions if m.event)),
                mentions=tuple(draft.mentions),
                participants=frozenset(draft.participants),
                context_words=frozenset(
                    word
                    for start, end in draft.sentences
                    for word in _bigrams(self.extraction.folded[start:end])
                ),
                implicit=draft.implicit,
                identified=draft.identified,
            )
            for draft in self.drafts
        )


def _shortens(trigger: str, draft: _EventDraft) -> bool:
    """ "发布会" said again of an event first called "业绩发布会"."""
    # Chinese compounds only: "semifinal" is not a longer name of a "final".
    return is_cjk(trigger[0]) and any(
        m.event and m.event.trigger != trigger and m.event.trigger.endswith(trigger)
        for m in draft.mentions
    )


# How far before (or after) a value the words naming its measure may stand
_MEASURE_WINDOW = {"zh": 12, "en": 40}
# Things counted as someone's: medals, votes, seats
_OWNED = frozenset(("gold-medal", "silver-medal", "bronze-medal", "medal", "vote", "seat"))
# How far before a count its owner may be named, within its clause
_OWNER_WINDOW = {"zh": 24, "en": 60}


_POINTS = re.compile(r".{0,3}?(?:个百分点|百分点|(?i:\s*(?:percentage\s+)?points?))")
_PERIOD = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*年|\b(?P<year_en>(?:19|20)\d\d)\b"
    r"|(?P<full>全年|全年度|整个财年|(?i:full[- ]year|fiscal year|for the year))"
    r"|(?P<half>上半年|下半年|(?i:first half|second half))"
    r"|(?P<quarter>第[一二三四1-4]季度|[一二三四1-4]季度|(?i:\bQ[1-4]\b|(?:first|second|third|"
    r"fourth) quarter))"
)


def _period_of(folded: str, clause: tuple[int, int], position: int) -> str | None:
    """The period a rate is given for, when its clause names one: the full year, a half, a
    quarter, or a year written just before it ("1997年的80%"; not "1997年以来最高的79.4%")."""
    for match in _PERIOD.finditer(folded, *clause):
        kind = match.lastgroup or ""
        if kind not in ("year", "year_en"):
            return kind
        close = 0 <= position - match.end() <= 8
        since = re.match(r"\s*(?:以来|来|起|后)", folded[match.end() : match.end() + 3])
        if close and not since:
            return match.group(kind)
    return None


def _count_slot(quantity) -> str:
    """What a count counts: ``count:<counted>``, and for people counted by what happened to
    them (killed, injured), the group when the noun names one: "28 children" killed are not
    "84" killed, "27名营员" not "28人"."""
    slot = f"count:{quantity.counted}"
    noun = (quantity.counted_text or "").lower()
    person_role = (quantity.counted or "").count(":") == 1 and slot.startswith("count:person:")
    if person_role and noun and noun not in _ANYONE:
        slot += f"@{noun}"
    return slot


# Nouns for people that name no group of them.
_ANYONE = frozenset(
    "人 名 位 人员 遇难者 死者 伤者 民众 people persons person others victims lives individuals "
    "deaths bodies".split()
)


def _well_defined(quantity) -> bool:
    """Counts of things that mean the same wherever they appear: countries, the dead,
    ships. Not "people" at large, nor a noun the lexicon does not know."""
    counted = quantity.counted or ""
    if quantity.kind != "count" or counted.endswith(":subset"):
        return False
    return (
        counted in _known_things()
        # people counted by what happened to them (dead, injured) or by what they are
        # (法官, 警员, 营员): not "people" at large
        or counted.startswith("person:")
        or counted in SPECIFIC_CLASSIFIERS
    )


@resources.derived
def _known_things() -> frozenset[str]:
    """The counted things of the lexicon (units.yml) but people: countries, medals, votes."""
    return frozenset(key for key in resources.load("units")["counted"] if key != "person")


# Function words a name can follow: what comes after them starts a word.
_BEFORE_A_NAME = frozenset("的在和与是了把被对将于从向为由让给到这那该场次个等及届后前")


def _label(draft: _EventDraft, language: str, raw: str, folded: str) -> str:
    """The event's most telling name, as the article writes it (Traditional stays
    Traditional): a name with its modifiers that the article uses more than once
    ("济州航空客机事故") or that starts after a function word ("的关键矿产部长级会议"),
    else its event word alone ("坠毁", not "程中坠毁" cut out of "降落过程中坠毁"); of
    those, the one whose event word the family lists first."""
    rank = trigger_rank(draft.family, language)
    named = [
        m
        for m in draft.mentions
        if m.event and not m.event.anaphoric and len(m.event.name) <= _MAX_LABEL_CHARS
    ]
    if not named:
        return family_label(draft.family, language)

    def written(mention: Mention) -> str:
        """The name as written; its event word alone when the name may start inside a
        word (after "过" of "过程") and is not said twice."""
        word = mention.event
        start = mention.end - len(word.name)
        before = folded[start - 1 : start] if start else ""
        whole = not before or not is_cjk(before) or before in _BEFORE_A_NAME
        if word.name != word.trigger and not whole and folded.count(word.name) < 2:
            start = mention.start
        return raw[start : mention.end].strip()

    best = min(
        named,
        key=lambda m: (rank.get(m.event.trigger.lower(), 99), -len(written(m)), m.start),
    )
    return written(best)


# "as of 6 am Thursday (", "截至7日12时": an as-of time runs up to the date inside it
_AS_OF_SPAN = re.compile(r"(?:\b(?i:as\s+of|as\s+at)\s+[\w .:]{0,20}[(,]?\s*|截至|截止)$")
_DEADLINE_BEFORE = (
    "到",
    "至",
    "截至",
    "截止",
    "直到",
    "until ",
    "by ",
    "through ",
    "effective ",
    "starting ",
    "between ",
    "as of ",
    "as at ",
    # the end of a span ("2024年11月1日-2025年1月26日")
    "日-",
    "日–",
    "日—",
    "日~",
)
_DEADLINE_AFTER = (
    "前",
    "以前",
    "之前",
    "起施行",
    "起实施",
    "起生效",
    "至",
    "到",
    "-",
    "–",
    "—",
    "~",
)


def _is_deadline(folded: str, mention: Mention) -> bool:
    """ "到2030年", "2030年前", "截至3月7日", "as of 3 pm Thursday (Jan 9)": a deadline or an
    "as of" time, not when the event happened."""
    if mention.time is None or mention.time.kind != "date":
        return False
    if _AS_OF_SPAN.search(folded, max(0, mention.start - 28), mention.start):
        return True
    if mention.text.endswith("月份"):
        return True  # "6月份的交付量": a month's figures, not a day of the event
    before = folded[max(0, mention.start - 12) : mention.start].lower()
    after = folded[mention.end : mention.end + 3]
    # "built between June 2022 and November 2024": a period the story mentions, not its date.
    second_of_range = (
        before.endswith(" and ")
        and "between " in folded[max(0, mention.start - 40) : mention.start].lower()
    )
    return before.endswith(_DEADLINE_BEFORE) or after.startswith(_DEADLINE_AFTER) or second_of_range


# A dateline: "NINGBO, March 6 -", "TOKYO, Feb 3 (Reuters) -", "新华社北京2月5日电". It dates
# the report, not the event.
_DATELINE_PLACE = re.compile(r"[ \t]*[A-Z][A-Za-z .'’-]{1,40},[ \t]*")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{1,30}\)[ \t]*)?[-–—]|电")
_WEEKDAY_GAP = re.compile(r"[\s,，(（]{0,3}")


def _week_reference(document: Document, filed: ResolvedDate | None) -> dt.date | None:
    """The dateline's day, else the publication day; None when that is not a whole day."""
    if filed is not None:
        return filed.start if filed.grain == "day" else None
    return document.published if document.published_grain == "day" else None


def _bare_weekday(time: TimeExpr) -> bool:
    """A weekday with no week or month of its own: "on Friday", "周五", not "下周五"."""
    return time.kind == "weekday" and time.offset is None and time.nth is None


# "said on Friday", "周五表示": the weekday of a statement about the event
_SAID_BEFORE = re.compile(
    r"(?:said|says|told|announced|stated|added|reported|wrote|confirmed|noted)\s+(?:on\s+)?$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"\s*(?:表示|称|說|说|宣布|透露|指出|發表|发表|证实|證實|告诉|告訴|强调|強調)"
)


def _said_on(folded: str, mention: Mention) -> bool:
    return bool(
        _SAID_BEFORE.search(folded, max(0, mention.start - 20), mention.start)
        or _SAID_AFTER.match(folded, mention.end)
    )


# Verbs of saying or making public, after the day they were said on ("1日表示", "27日公布了",
# "1 月 11 日,韩国国土交通部表示").
_STATED_AFTER = re.compile(
    r"[^。；;!！?？\n]{0,14}?(?:表示|声称|宣称|称|说|宣布|公布|通报|披露|透露|介绍|证实|指出|报道|"
    r"报导|发表|强调|回应|发布了?(?:消息|声明|通报|报告)|告诉)"
)
_STATED_BEFORE = re.compile(
    r"\b(?i:said|says|told|announced|stated|reported|confirmed|added|disclosed|revealed|noted"
    r"|quoted|cited|tweeted|posted|wrote|warned)"
    r"(?:\s+(?:reporters|journalists|lawmakers|[A-Z][\w'’-]+))?"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)
_STATED_LATER = re.compile(
    r"[^.;\n]{0,40}?\b(?:said|told|announced|confirmed|reported|stated)\b", re.IGNORECASE
)


def _statement_date(
    folded: str, mention: Mention, sentence: tuple[int, int], mentions: list[Mention]
) -> bool:
    """A day given as when something was said or made public: the statement verb follows it
    closely (Chinese: "1日表示"; English: "said on Monday", "On Monday, officials said"),
    with no event word between."""
    if mention.time is None or mention.time.kind not in ("date", "deictic"):
        return False
    if mention.time.year_explicit and mention.time.month is None:
        return False  # "2017年": a year is not the day of a statement
    after = _STATED_AFTER.match(folded, mention.end, sentence[1]) or _STATED_LATER.match(
        folded, mention.end, sentence[1]
    )
    if after is not None:
        between = [
            m for m in mentions if m.kind == "event" and mention.end <= m.start < after.end()
        ]
        if not between and "," not in folded[mention.end : after.end()].replace("，", ",")[1:]:
            return True
        if not between and folded[mention.end : mention.end + 1] in ",，":
            # "1 月 11 日,韩国国土交通部表示": the date opens the clause of the statement
            return "," not in folded[mention.end + 1 : after.end()].replace("，", ",")
    return bool(_STATED_BEFORE.search(folded, max(sentence[0], mention.start - 40), mention.start))


def _spoken(event_word: Mention | None) -> bool:
    """An event made by saying something (a press conference, a statement, an
    announcement): the day of a statement is its day."""
    return (
        event_word is not None
        and event_word.event is not None
        and (
            resources.load("events")["families"]
            .get(event_word.event.family, {})
            .get("spoken", False)
        )
    )


# A caption line: "Photo: …", "[Image: …]", "圖說:…", "【图】…", "(图)…", "[照片] …",
# "Photo 1 of 4 | …".
_CAPTION = re.compile(
    r"[ \t]*[\[【(]?(?:Photo(?:\s+caption)?|Image|Caption|File photo|Pictured|圖說|图说|圖片|图片|"
    r"照片|圖|图)(?:\s+\d+\s+of\s+\d+)?[ \t]*(?:[:|/\]】)]|(?<=[\]】)]))",
    re.IGNORECASE,
)


def _in_caption(folded: str, position: int) -> bool:
    line_start = folded.rfind("\n", 0, position) + 1
    return bool(_CAPTION.match(folded, line_start))


_AS_OF_BEFORE = re.compile(r"(?:截至|截止|as of|as at)[^,，;；]{0,6}$", re.IGNORECASE)
# A sentence with no digit and no hour word holds no time of day (most of them).
_MAY_HOLD_CLOCK = re.compile(
    r"\d[:时点]|[时点]\s*\d|[一二三四五六七八九十两廿]\s*[时点]|\d\s*[ap]\.?\s?m"
)


def _is_dateline(folded: str, mention: Mention) -> bool:
    if mention.time is None or mention.time.kind != "date":
        return False
    if not _DATELINE_AFTER.match(folded, mention.end):
        return False
    if folded[mention.end : mention.end + 1] == "电":
        return True
    line_start = folded.rfind("\n", 0, mention.start) + 1
    return bool(_DATELINE_PLACE.fullmatch(folded, line_start, mention.start))


def _bigrams(text: str) -> set[str]:
    """Two-character words of Chinese text, and lower-cased words of English text."""
    grams = cjk_bigrams(text)
    grams |= {word.lower() for word in text.split() if len(word) > 3 and word.isalpha()}
    return grams


def build_claims(document: Document, extraction: Extraction) -> ArticleClaims:
    """Events and claims of one article."""
    dateline = next((m for m in extraction.mentions if _is_dateline(extraction.folded, m)), None)
    filed = (
        resolve_time(dateline.time, document.published, document.published_grain)
        if dateline is not None and dateline.time is not None
        else None
    )
    week_reference = _week_reference(document, filed)
    reader = _Reader(document, extraction, week_reference)
    reader.read()
    return ArticleClaims(
        document,
        extraction,
        reader.events(),
        tuple(reader.claims),
        dateline,
        filed,
        week_reference,
        percents=tuple(reader.percents),
        clocks=tuple(reader.clocks),
        measures=tuple(reader.measures),
        elapsed=tuple(reader.elapsed),
        names=tuple(find_names(extraction.folded, extraction.segments.sentences)),
        codes=tuple(find_codes(extraction.folded)),
        acronyms=tuple(find_acronyms(extraction.folded)),
        roles=tuple(find_roles(extraction.folded, extraction.language, extraction.segments)),
        ages=tuple(find_ages(extraction.folded)),
        enumerations=tuple(reader.enumerations),
    )
