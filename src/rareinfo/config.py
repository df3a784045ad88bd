"""Settings, read from the environment when asked for (never at import time)."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_data_dir() -> Path:
    """Where rareinfo keeps its database and download cache unless told otherwise."""
    return Path(platformdirs.user_data_dir("rareinfo", appauthor=False))


class Settings(BaseSettings):
    """Deployment settings; every field can be set as RAREINFO_<FIELD>."""

    model_config = SettingsConfigDict(env_prefix="RAREINFO_", extra="ignore")

    database_url: str | None = None
    data_dir: Path | None = None
    cache_dir: Path | None = None

    def resolved_data_dir(self) -> Path:
        """The data directory, defaulting to the user's data directory."""
        return self.data_dir or default_data_dir()

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to an SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.resolved_data_dir() / 'rareinfo.sqlite'}"

    def resolved_cache_dir(self) -> Path:
        """Where downloaded source releases are kept."""
        return self.cache_dir or self.resolved_data_dir() / "cache"


def load_settings() -> Settings:
    """Read the settings from the environment now."""
    return Settings()
