"""Schedule for `rq cron`: the daily digest at 07:00 UTC, run by the job worker.

    rq cron civicapp.notifications.cron --url "$CIVICAPP_REDIS_URL"   # the scheduler
    flask --app wsgi jobs worker                                       # runs what it queues

The worker runs jobs inside the app context, which send_daily_digests needs. Without Redis,
use cron and `flask notifications send-digests` instead.
"""

from rq import cron

from civicapp.jobs import QUEUE_NAME
from civicapp.notifications.emails import send_daily_digests

cron.register(
    send_daily_digests,
    QUEUE_NAME,
    cron="0 7 * * *",
    name="notifications-daily-digest",
)
