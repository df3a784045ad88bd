"""What a route needs from the app, as FastAPI dependencies with ``Annotated`` aliases.

Every route takes these as parameters (``snapshot: SnapshotDep``) rather than reaching into
``request.app.state``. They are ``async`` so that a route answering from a cache stays on
the event loop: FastAPI runs a plain ``def`` dependency in a worker thread.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, HTTPException, Request

from rareinfo.config import Settings
from rareinfo.service.live import LiveSnapshot, Snapshot
from rareinfo.web.userdata import UserData


async def live_of(request: Request) -> LiveSnapshot:
    """The app's live knowledge base, for routes that need it only on some paths."""
    live: LiveSnapshot = request.app.state.live
    return live


async def snapshot_of(request: Request) -> Snapshot:
    """The live snapshot for this request (503 when there is no knowledge base)."""
    snapshot: Snapshot = request.app.state.live.get()
    return snapshot


async def settings_of(request: Request) -> Settings:
    """The deployment settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


async def userdata_of(request: Request) -> UserData | None:
    """The app's user database, or None for an app built without one."""
    found = getattr(request.app.state, "userdata", None)
    return found if isinstance(found, UserData) else None


async def require_userdata(userdata: Annotated[UserData | None, Depends(userdata_of)]
                           ) -> UserData:
    """The app's user database; 503 when questions are not enabled on this server."""
    if userdata is None:
        raise HTTPException(503, "Questions are not enabled on this server.")
    return userdata


LiveDep = Annotated[LiveSnapshot, Depends(live_of)]
SnapshotDep = Annotated[Snapshot, Depends(snapshot_of)]
SettingsDep = Annotated[Settings, Depends(settings_of)]
MaybeUserDataDep = Annotated[UserData | None, Depends(userdata_of)]
UserDataDep = Annotated[UserData, Depends(require_userdata)]
