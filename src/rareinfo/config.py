"""Settings, read from the environment when asked for (never at import time)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from rareinfo.locations import ENV_PREFIX, default_data_dir, sqlite_url

__all__ = ["Settings", "default_data_dir", "load_settings"]


class Settings(BaseSettings):
    """Deployment settings; every field can be set as RAREINFO_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="ignore")

    database_url: str | None = None
    data_dir: Path | None = None
    cache_dir: Path | None = None

    # Web security and limits (see web/security.py). Rates are per client and per worker
    # process; 0 turns a rate limit off (load benchmarks do that).
    # `rareinfo serve` sets this: build the diagnosis model in the background at start.
    warm_diagnosis_model: bool = False
    # Threads per worker process for request handlers (see web/app.py).
    worker_threads: int = Field(default=8, ge=1, le=200)

    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Origins whose pages may call the read API from a browser (CORS); "*" is any.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=lambda: ["*"])
    max_body_bytes: int = Field(default=256 * 1024, ge=1)
    max_url_bytes: int = Field(default=8192, ge=64)  # the diagnose form is a GET
    max_query_params: int = Field(default=256, ge=1)
    rate_limit_diagnose_per_minute: float = Field(default=30, ge=0)
    rate_limit_diagnose_burst: int = Field(default=10, ge=1)
    rate_limit_search_per_minute: float = Field(default=600, ge=0)
    rate_limit_search_burst: int = Field(default=100, ge=1)

    # Staff console sign-in (see inquiries/auth.py): session lifetime and idle timeout,
    # and how many failed sign-ins within the lockout window lock an account / an address.
    staff_session_hours: float = Field(default=12, gt=0)
    staff_idle_minutes: float = Field(default=60, gt=0)
    staff_lockout_failures: int = Field(default=5, ge=1)
    staff_lockout_address_failures: int = Field(default=20, ge=1)
    staff_lockout_minutes: float = Field(default=15, gt=0)

    # Questions (see inquiries/): the user database, outgoing mail, retention, abuse limits.
    userdata_url: str | None = None
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False
    smtp_timeout_seconds: float = Field(default=20, gt=0)
    mail_from: str = "rareinfo <noreply@localhost>"
    contact_retention_days: int = Field(default=365, ge=0)
    public_base_url: str = "http://127.0.0.1:8000"
    rate_limit_ask_ip_per_hour: float = Field(default=20, ge=0)
    rate_limit_ask_email_per_day: float = Field(default=10, ge=0)

    @field_validator("trusted_proxies", "cors_origins", mode="before")
    @classmethod
    def _split_addresses(cls, value: object) -> object:
        """RAREINFO_TRUSTED_PROXIES and RAREINFO_CORS_ORIGINS: comma- or space-separated."""
        if isinstance(value, str):
            return [part for part in value.replace(",", " ").split() if part]
        return value

    def resolved_data_dir(self) -> Path:
        """The data directory, defaulting to the user's data directory."""
        return self.data_dir or default_data_dir()

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to an SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return sqlite_url(self.resolved_data_dir(), "rareinfo.sqlite")

    def resolved_userdata_url(self) -> str:
        """The user database: explicit, else the knowledge base's PostgreSQL, else SQLite."""
        if self.userdata_url:
            return self.userdata_url
        kb_url = self.resolved_database_url()
        if kb_url.startswith("postgresql"):
            return kb_url
        return sqlite_url(self.resolved_data_dir(), "userdata.sqlite")

    def resolved_cache_dir(self) -> Path:
        """Where downloaded source releases are kept."""
        return self.cache_dir or self.resolved_data_dir() / "cache"


def load_settings() -> Settings:
    """Read the settings from the environment now."""
    return Settings()
