"""The certificate as an accessible PDF (PDF/UA-1: tagged, with language, title and headings)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.models import Organisation
from training.models import Certificate


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("training_public:certificate_verify", kwargs={"code": certificate.code})


def certificate_html(*, certificate: Certificate, organisation: Organisation) -> str:
    """The certificate's page: name, the organisation that issued it, module, dates,
    the code and a link to the public check at this site's address (SITE_URL).
    The issuing organisation is the name stored on the certificate; a certificate
    from before that was stored names ``organisation``, the one it is downloaded in.
    Dutch whatever language the interface is switched to."""
    with translation.override("nl"):
        return render_to_string(
            "training/certificate_pdf.html",
            {
                "certificate": certificate,
                "organisation_name": certificate.organisation_name or organisation.name,
                "verification_url": verification_url(certificate),
            },
        )


def certificate_pdf(*, certificate: Certificate, organisation: Organisation) -> bytes:
    """Render the certificate as a PDF. It holds only name, organisation, module, dates
    and the code: nothing about scores or attempts."""
    import weasyprint  # imported here: it loads Pango, which no other page needs

    html = certificate_html(certificate=certificate, organisation=organisation)
    return weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
