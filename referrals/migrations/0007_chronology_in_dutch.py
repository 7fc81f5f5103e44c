"""Chronology lines written before the chronology spoke Dutch: "acute_danger, forms"
becomes "vorm, gevaar nu"; "platform_report" becomes the task's title ("Melden bij het
platform en de dader blokkeren: Snapchat"), as the services write them now.

Only lines in the old shape are touched (every word a field name or a destination
code); anything else is left as it is. Nothing to undo: the old lines said the same.
"""

import re
from datetime import timedelta

from django.db import migrations

from referrals.chronology import FACT_NAMES, facts_changed

BATCH = 2000
CODE = re.compile(r"^(?:local:)?[a-z0-9]+(?:_[a-z0-9]+)*$")
MADE_WITH = timedelta(minutes=1)
# What a line says when the task behind a code is gone: still no code.
NO_TASK = "Actie uit het advies"


def _tokens(detail):
    return [token.strip() for token in detail.split(",") if token.strip()]


def _titles(event, tasks, codes):
    """The titles of the tasks behind an old line: for "task_done" the task of that
    destination done nearest to the line; for "actions_chosen" the tasks of those
    destinations made with it (within a minute), else all of them."""
    titles = []
    for code in codes:
        mine = [task for task in tasks if task.destination == code]
        if event.kind == "task_done":
            done = [task for task in mine if task.done_at is not None]
            mine = [min(done, key=lambda task: abs(task.done_at - event.created_at))] if done else []
        else:
            near = [task for task in mine if abs(task.created_at - event.created_at) <= MADE_WITH]
            mine = near or mine
        titles.extend(task.title for task in mine)
        if not mine:
            titles.append(NO_TASK)
    return ", ".join(dict.fromkeys(titles))


def chronology_in_dutch(apps, schema_editor):
    CaseEvent = apps.get_model("referrals", "CaseEvent")
    CaseTask = apps.get_model("referrals", "CaseTask")
    events = CaseEvent.objects.filter(kind__in=("facts_changed", "actions_chosen", "task_done")).exclude(detail="")
    changed, last_pk = [], 0
    while True:
        batch = list(events.filter(pk__gt=last_pk).order_by("pk")[:BATCH])
        if not batch:
            break
        last_pk = batch[-1].pk
        old = []
        for event in batch:
            tokens = _tokens(event.detail)
            if event.kind == "facts_changed":
                if tokens and all(token in FACT_NAMES for token in tokens):
                    event.detail = facts_changed(tokens)[:200]
                    changed.append(event)
            elif tokens and all(CODE.match(token) for token in tokens):
                old.append((event, tokens))
        tasks = {}
        for task in CaseTask.objects.filter(case_id__in={event.case_id for event, _tokens in old}).order_by("pk"):
            tasks.setdefault(task.case_id, []).append(task)
        for event, tokens in old:
            event.detail = _titles(event, tasks.get(event.case_id, []), tokens)[:200]
            changed.append(event)
        if len(changed) >= BATCH:
            CaseEvent.objects.bulk_update(changed, ["detail"], batch_size=BATCH)
            changed = []
    if changed:
        CaseEvent.objects.bulk_update(changed, ["detail"], batch_size=BATCH)


class Migration(migrations.Migration):
    dependencies = [("referrals", "0006_rule_set_v2")]

    operations = [migrations.RunPython(chronology_in_dutch, migrations.RunPython.noop, elidable=True)]
