"""Configuration: environment variables (CRMBOT_…, SLACK_…, TELEGRAM_…) and an optional `.env`.

Built once at the entry point and passed down; nothing else reads the environment.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Annotated

from pydantic import AliasChoices, Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from crm_store.pipeline import DEFAULT_STAGES, DEFAULT_SYNONYMS, Pipeline

DEVELOPMENT_ERASURE_KEY = "crmbot-erased-identifiers"
MIN_ERASURE_KEY = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CRMBOT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    database_url: str = "sqlite:///crmbot.db"
    tz: str = "UTC"
    currency: str = "USD"
    phone_region: str = "US"
    lapsed_days: int = 180
    # the pipeline in order (CRMBOT_STAGES=lead,qualified,proposal,customer,lost) and other words
    # for its stages (CRMBOT_STAGE_SYNONYMS='{"won": "customer"}')
    stages: Annotated[tuple[str, ...], NoDecode] = DEFAULT_STAGES
    stage_synonyms: dict[str, str] = Field(default_factory=lambda: dict(DEFAULT_SYNONYMS))
    # deleted customers stay in the bin, restorable, for this many days before they are purged
    bin_days: int = Field(default=30, ge=1)
    files_dir: str = "crmbot-files"
    question_ttl_minutes: int = 30
    # processed event ids and stored button commands are deleted after this many days
    purge_after_days: int = Field(default=30, ge=2)
    # the largest amount one sale line may have; a typo beyond it is refused, not stored
    max_amount: Decimal = Field(default=Decimal("10000000"), gt=0)
    # keys the hashes an erased person's e-mail and phone leave behind; set your own secret
    erasure_key: str = DEVELOPMENT_ERASURE_KEY

    def erasure_key_problem(self) -> str | None:
        """Why the erasure key can't protect real people's data, or None if it can."""
        if self.erasure_key == DEVELOPMENT_ERASURE_KEY:
            return "CRMBOT_ERASURE_KEY is unset (the development key is public)"
        if len(self.erasure_key) < MIN_ERASURE_KEY:
            return f"CRMBOT_ERASURE_KEY is shorter than {MIN_ERASURE_KEY} characters"
        return None

    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    slack_team_id: str | None = Field(default=None, validation_alias="SLACK_TEAM_ID")
    slack_allow_workspace: bool = Field(
        default=False,
        validation_alias=AliasChoices("CRMBOT_SLACK_ALLOW_WORKSPACE", "slack_allow_workspace"),
    )

    @field_validator("stages", mode="before")
    @classmethod
    def _comma_separated(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    @model_validator(mode="after")
    def _valid_pipeline(self) -> Settings:
        Pipeline.of(self.stages, self.stage_synonyms)  # a bad pipeline stops the start
        return self

    @cached_property
    def pipeline(self) -> Pipeline:
        return Pipeline.of(self.stages, self.stage_synonyms)

    telegram_bot_token: str | None = Field(default=None, validation_alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="TELEGRAM_API_URL"
    )
