"""The certificate as an accessible PDF (PDF/UA-1: tagged, with language, title and headings)."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from training.models import Certificate


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + reverse("training_public:certificate_verify", kwargs={"code": certificate.code})


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """Render the certificate. It holds only name, module, dates and the code."""
    import weasyprint  # imported here: it loads Pango, which no other page needs

    # The certificate is Dutch whatever language the interface is switched to.
    with translation.override("nl"):
        html = render_to_string(
            "training/certificate_pdf.html",
            {"certificate": certificate, "verification_url": verification_url(certificate)},
        )
    return weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(pdf_variant="pdf/ua-1")
