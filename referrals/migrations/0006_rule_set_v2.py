"""Routing contract v2: rule set versions keep their cautions and questions.

A version published under contract v1 has neither, and its rules gave advice that
v2 corrects (screenshots of a minor's images, mediation in stalking, "call 112"
when danger is unknown). Such a version is switched off here, so the shipped v2
rules apply until a platform administrator publishes a new version; the old one
stays in the history, and results stored with cases keep naming it.
"""

from django.db import migrations, models


def switch_off_v1_versions(apps, schema_editor):
    RuleSetVersion = apps.get_model("referrals", "RuleSetVersion")
    RuleSetVersion.objects.filter(is_active=True, cautions=[]).update(is_active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("referrals", "0005_directory"),
    ]

    operations = [
        migrations.AddField(
            model_name="rulesetversion",
            name="cautions",
            field=models.JSONField(blank=True, default=list, verbose_name="waarschuwingen"),
        ),
        migrations.AddField(
            model_name="rulesetversion",
            name="questions",
            field=models.JSONField(blank=True, default=list, verbose_name="vragen"),
        ),
        migrations.RunPython(switch_off_v1_versions, migrations.RunPython.noop),
    ]
