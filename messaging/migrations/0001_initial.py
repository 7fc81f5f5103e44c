"""The models of messaging move here from portal (Notification, NotificationPreference,
MessageTemplate) and referrals (Reminder) without touching the database: their tables
keep their names (``db_table``), this migration only tells Django's state they live
here now; portal 0008 and referrals 0011 remove them from those apps' state."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        # The tables were created by these apps' migrations; they stay as they are.
        ('portal', '0007_referral_notification_kinds'),
        ('referrals', '0010_local_destination_contact'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='MessageTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('case_follow_up', 'Nazorg: contact met het slachtoffer'), ('partner_acknowledge', 'Doorverwijzing nog niet bevestigd'), ('partner_escalation', 'Escalatie: doorverwijzing te lang niet bevestigd'), ('task_overdue', 'Taak over de datum'), ('training_due', 'Training moet binnenkort af zijn'), ('training_overdue', 'Training is te laat'), ('certificate_expiring', 'Certificaat verloopt binnenkort'), ('weekly_digest', 'Weekoverzicht'), ('delivery_failed', 'Bericht kon niet worden verstuurd'), ('referral_acknowledged', 'Doorverwijzing ontvangen door de partner'), ('referral_accepted', 'Doorverwijzing aangenomen door de partner'), ('referral_declined', 'Doorverwijzing afgewezen door de partner'), ('referral_message', 'Nieuw bericht van de partner bij een doorverwijzing'), ('referral_closed', 'Doorverwijzing afgesloten door de partner'), ('referral_redirected', 'Doorverwijzing omgeleid door de gemeente')], max_length=30, unique=True, verbose_name='soort')),
                        ('subject', models.CharField(max_length=200, verbose_name='onderwerp')),
                        ('body', models.TextField(max_length=5000, verbose_name='tekst')),
                        ('updated_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='gewijzigd op')),
                        ('updated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'e-mailtekst',
                        'verbose_name_plural': 'e-mailteksten',
                        'db_table': 'portal_messagetemplate',
                        'ordering': ['kind'],
                    },
                ),
                migrations.CreateModel(
                    name='Notification',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('case_follow_up', 'Nazorg: contact met het slachtoffer'), ('partner_acknowledge', 'Doorverwijzing nog niet bevestigd'), ('partner_escalation', 'Escalatie: doorverwijzing te lang niet bevestigd'), ('task_overdue', 'Taak over de datum'), ('training_due', 'Training moet binnenkort af zijn'), ('training_overdue', 'Training is te laat'), ('certificate_expiring', 'Certificaat verloopt binnenkort'), ('weekly_digest', 'Weekoverzicht'), ('delivery_failed', 'Bericht kon niet worden verstuurd'), ('referral_acknowledged', 'Doorverwijzing ontvangen door de partner'), ('referral_accepted', 'Doorverwijzing aangenomen door de partner'), ('referral_declined', 'Doorverwijzing afgewezen door de partner'), ('referral_message', 'Nieuw bericht van de partner bij een doorverwijzing'), ('referral_closed', 'Doorverwijzing afgesloten door de partner'), ('referral_redirected', 'Doorverwijzing omgeleid door de gemeente')], max_length=30, verbose_name='soort')),
                        ('title', models.CharField(max_length=200, verbose_name='onderwerp')),
                        ('body', models.CharField(blank=True, max_length=1000, verbose_name='bericht')),
                        ('url', models.CharField(blank=True, max_length=300, verbose_name='link')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='ontvangen op')),
                        ('read_at', models.DateTimeField(blank=True, null=True, verbose_name='gelezen op')),
                        ('organisation', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.organisation')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notifications', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'melding',
                        'verbose_name_plural': 'meldingen',
                        'db_table': 'portal_notification',
                        'ordering': ['-created_at', '-pk'],
                        'indexes': [models.Index(fields=['user', '-created_at'], name='notification_user_time'), models.Index(condition=models.Q(('read_at__isnull', True)), fields=['user'], name='notification_user_unread')],
                    },
                ),
                migrations.CreateModel(
                    name='NotificationPreference',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('case_follow_up', 'Nazorg: contact met het slachtoffer'), ('partner_acknowledge', 'Doorverwijzing nog niet bevestigd'), ('partner_escalation', 'Escalatie: doorverwijzing te lang niet bevestigd'), ('task_overdue', 'Taak over de datum'), ('training_due', 'Training moet binnenkort af zijn'), ('training_overdue', 'Training is te laat'), ('certificate_expiring', 'Certificaat verloopt binnenkort'), ('weekly_digest', 'Weekoverzicht'), ('delivery_failed', 'Bericht kon niet worden verstuurd'), ('referral_acknowledged', 'Doorverwijzing ontvangen door de partner'), ('referral_accepted', 'Doorverwijzing aangenomen door de partner'), ('referral_declined', 'Doorverwijzing afgewezen door de partner'), ('referral_message', 'Nieuw bericht van de partner bij een doorverwijzing'), ('referral_closed', 'Doorverwijzing afgesloten door de partner'), ('referral_redirected', 'Doorverwijzing omgeleid door de gemeente')], max_length=30, verbose_name='soort')),
                        ('email', models.BooleanField(default=True, verbose_name='ook per e-mail')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notification_preferences', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'voorkeur voor meldingen',
                        'verbose_name_plural': 'voorkeuren voor meldingen',
                        'db_table': 'portal_notificationpreference',
                        'constraints': [models.UniqueConstraint(fields=('user', 'kind'), name='notificationpreference_unique')],
                    },
                ),
                migrations.CreateModel(
                    name='Reminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('case_follow_up', 'Nazorg: contact met het slachtoffer'), ('partner_acknowledge', 'Doorverwijzing nog niet bevestigd'), ('partner_escalation', 'Escalatie: doorverwijzing te lang niet bevestigd'), ('task_overdue', 'Taak over de datum'), ('training_due', 'Training moet binnenkort af zijn'), ('training_overdue', 'Training is te laat'), ('certificate_expiring', 'Certificaat verloopt binnenkort'), ('weekly_digest', 'Weekoverzicht'), ('delivery_failed', 'Bericht kon niet worden verstuurd'), ('referral_acknowledged', 'Doorverwijzing ontvangen door de partner'), ('referral_accepted', 'Doorverwijzing aangenomen door de partner'), ('referral_declined', 'Doorverwijzing afgewezen door de partner'), ('referral_message', 'Nieuw bericht van de partner bij een doorverwijzing'), ('referral_closed', 'Doorverwijzing afgesloten door de partner'), ('referral_redirected', 'Doorverwijzing omgeleid door de gemeente')], max_length=30, verbose_name='soort')),
                        ('subject', models.CharField(help_text='Bijvoorbeeld case:12 of assignment:3.', max_length=60, verbose_name='over')),
                        ('due_at', models.DateTimeField(verbose_name='moment')),
                        ('status', models.CharField(choices=[('pending', 'Gepland'), ('sent', 'Verstuurd'), ('cancelled', 'Vervallen'), ('failed', 'Mislukt')], default='pending', max_length=10, verbose_name='status')),
                        ('lease_until', models.DateTimeField(blank=True, null=True, verbose_name='in behandeling tot')),
                        ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='pogingen')),
                        ('delivered_to', models.JSONField(blank=True, default=list, verbose_name='bezorgd bij')),
                        ('last_error', models.CharField(blank=True, max_length=300, verbose_name='laatste fout')),
                        ('cancel_reason', models.CharField(blank=True, help_text='Bijvoorbeeld: de einddatum was al voorbij toen de herinnering aan de beurt was.', max_length=200, verbose_name='waarom niet verstuurd')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='gepland op')),
                        ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='verstuurd op')),
                        ('organisation', models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='portal.organisation', verbose_name='organisatie')),
                    ],
                    options={
                        'verbose_name': 'herinnering',
                        'verbose_name_plural': 'herinneringen',
                        'db_table': 'referrals_reminder',
                        'ordering': ['due_at', 'pk'],
                        'indexes': [models.Index(condition=models.Q(('status', 'pending')), fields=['due_at'], name='reminder_pending_due'), models.Index(fields=['subject', 'kind'], name='reminder_subject'), models.Index(fields=['organisation', 'status'], name='reminder_org_status')],
                        'constraints': [models.UniqueConstraint(fields=('kind', 'subject', 'due_at'), name='reminder_unique_key')],
                    },
                ),
            ],
        ),
    ]
