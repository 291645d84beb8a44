"""The local server answers without the delayed-ACK stall and takes a burst of clients (issue 13)."""

from __future__ import annotations

import socket
from functools import partial
from pathlib import Path


def test_accepted_connections_send_at_once_and_the_backlog_holds_a_burst(tmp_path: Path) -> None:
    from infra.local_server import Handler, LocalServer

    # Given the local server listening on loopback
    server = LocalServer(("127.0.0.1", 0), partial(Handler, directory=str(tmp_path)))
    try:
        # When a client connects
        with socket.create_connection(server.server_address[:2], timeout=5):
            conn, _ = server.get_request()
            # Then the accepted socket has Nagle off, so headers and body never wait for a delayed ACK
            with conn:
                assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        # And the listen backlog takes 32 clients arriving together (the default 5 reset them)
        assert server.request_queue_size >= 32
    finally:
        server.server_close()
