"""Cases, the routing engine, partners, consent and the referral lifecycle."""
