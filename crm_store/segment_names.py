"""The names a customer list can be asked for, apart from the code that computes them, so the
command line can offer them without loading the analytics."""

from crm_store.models import Stage

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
STAGES = tuple(stage.value for stage in Stage)
ALL_SEGMENTS = (*SEGMENTS, *STAGES, "high_value", *NPS_CATEGORIES)
