"""Configuration: environment variables (CRMBOT_…, SLACK_…, TELEGRAM_…) and an optional `.env`.

Built once at the entry point and passed down; nothing else reads the environment.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="CRMBOT_", env_file=".env", extra="ignore", populate_by_name=True
    )

    database_url: str = "sqlite:///crmbot.db"
    tz: str = "UTC"
    currency: str = "USD"
    phone_region: str = "US"
    lapsed_days: int = 180
    files_dir: str = "crmbot-files"
    question_ttl_minutes: int = 30
    # the largest amount one sale line may have; a typo beyond it is refused, not stored
    max_amount: Decimal = Decimal("10000000")
    # keys the hashes an erased person's e-mail and phone leave behind; set your own secret
    erasure_key: str = "crmbot-erased-identifiers"

    slack_bot_token: str | None = Field(default=None, validation_alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, validation_alias="SLACK_SIGNING_SECRET")
    slack_app_token: str | None = Field(default=None, validation_alias="SLACK_APP_TOKEN")
    slack_api_url: str = Field(default="https://slack.com/api/", validation_alias="SLACK_API_URL")
    slack_team_id: str | None = Field(default=None, validation_alias="SLACK_TEAM_ID")
    slack_allow_workspace: bool = Field(
        default=False,
        validation_alias=AliasChoices("CRMBOT_SLACK_ALLOW_WORKSPACE", "slack_allow_workspace"),
    )

    telegram_bot_token: str | None = Field(default=None, validation_alias="TELEGRAM_BOT_TOKEN")
    telegram_api_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="TELEGRAM_API_URL"
    )
