"""Reminder now lives in messaging (messaging 0001): gone from referrals' state only;
its table (referrals_reminder) stays as it is."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0010_local_destination_contact"),
        ("messaging", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name="Reminder"),
            ],
        ),
    ]
