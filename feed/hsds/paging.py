"""The Page of Open Referral's openapi.json: the one list shape of every HSDS operation."""

import math


def hsds_page(items: list, page: int, per_page: int, render) -> dict:
    total_pages = max(1, math.ceil(len(items) / per_page))
    window = items[(page - 1) * per_page : page * per_page]
    return {
        "total_items": len(items),
        "total_pages": total_pages,
        "page_number": page,
        "size": len(window),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not window,
        "contents": [render(item) for item in window],
    }
