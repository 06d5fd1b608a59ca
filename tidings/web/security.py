"""Security headers and the write token.

Article text, titles and quotes are hostile input. The pages render them only through DOM text
nodes, and the Content-Security-Policy below is the second wall: no inline script or style, no
plugin, no framing, scripts and connections to this origin only.
"""
from __future__ import annotations

import hmac

from fastapi import Header, HTTPException
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
])

SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware under load) adding the headers."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def token_checker(expected: str):
    """A dependency that accepts ``Authorization: Bearer <token>`` or ``X-Tidings-Token``."""

    def check(authorization: str | None = Header(default=None),
              x_tidings_token: str | None = Header(default=None)) -> None:
        given = x_tidings_token
        if authorization and authorization.lower().startswith("bearer "):
            given = authorization[7:].strip()
        if not given:
            raise HTTPException(401, "this endpoint needs a token: send 'Authorization: Bearer <TIDINGS_TOKEN>'",
                                headers={"WWW-Authenticate": "Bearer"})
        # constant-time comparison so the token cannot be guessed byte by byte from timings
        if not hmac.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(403, "wrong token")

    return check
