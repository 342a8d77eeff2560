"""The names a customer list can be asked for, apart from the code that computes them, so the
command line can offer them without loading the analytics."""

SEGMENTS = (  # the 11 standard RFM segments
    "champions",
    "loyal",
    "potential_loyalist",
    "new",
    "promising",
    "need_attention",
    "about_to_sleep",
    "at_risk",
    "cant_lose",
    "hibernating",
    "lost",
)
NPS_CATEGORIES = ("promoters", "passives", "detractors")
ALL_SEGMENTS = (*SEGMENTS, "lapsed", "high_value", *NPS_CATEGORIES)
