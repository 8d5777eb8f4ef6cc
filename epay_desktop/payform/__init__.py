"""The gateway's hosted payment page link: its ``params`` packed the way halyk.pay reads them.

- ``codec``: ``encode_params``/``parse_params`` and ``hosted_page_url`` (epay-api.md, the hosted page).
- ``lzstring``: the LZ-String compression the page's ``params`` use.

Used by the sandbox (which serves the page) and by the CLI (which prints a link to it); imports
nothing of the console.
"""
