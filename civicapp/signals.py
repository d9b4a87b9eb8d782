"""Domain events. Features send them; notifications (and others) subscribe.

Sending a signal with no receiver does nothing, so a feature never imports the machinery that
reacts to it. Receivers run inside the sender's transaction: they add rows and queue jobs,
and the sender's use case commits once.
"""

from blinker import Namespace

_events = Namespace()

# sender: the Priority. kwargs: actor (User), response (the new timeline entry).
priority_answered = _events.signal("priority-answered")
# sender: the Priority, when its supports reach the threshold and a first answer becomes due.
priority_due = _events.signal("priority-due")
# sender: the Priority, when its deadline has passed with no answer (found by a periodic job).
priority_overdue = _events.signal("priority-overdue")
# sender: the hidden or restored object (Priority, Comment, ...). kwargs: actor, reason.
content_hidden = _events.signal("content-hidden")
content_restored = _events.signal("content-restored")
# sender: the Initiative, when a news update is posted on it (not when one is corrected) while
# it is public. kwargs: actor (User), update (the new Update, flushed).
initiative_update_posted = _events.signal("initiative-update-posted")
# sender: the Initiative, when an event is announced on it while it is public.
# kwargs: actor (User), event (the new Event, flushed).
initiative_event_scheduled = _events.signal("initiative-event-scheduled")
# sender: the signed-in User who chose an interface language; kwargs: locale. The accounts
# feature remembers it on the profile (the core's language switch names no feature).
locale_chosen = _events.signal("locale-chosen")
