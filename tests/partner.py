"""A partner's copy of the feed: a full sync, and an incremental sync from the change log.

`get(url, params)` is any HTTP client's GET returning a response with `status_code` and `json()`:
Django's test client or a `requests` session against a served site."""

API = "/api/v1"
LISTS = ("fact-sheets", "sections", "services")
LANGUAGES = ("en", "fr", "nl")


def comparable(item: dict) -> dict:
    """An item without `open_now`, which depends on the minute of the request."""
    if isinstance(item, list):
        return [comparable(value) for value in item]
    if not isinstance(item, dict):
        return item
    return {key: comparable(value) for key, value in item.items() if key != "open_now"}


def full_state(get) -> dict:
    """Every item of every language, by (type, id), as the lists serve them."""
    state = {}
    for code in LANGUAGES:
        for kind in LISTS:
            url, params = f"{API}/{kind}/", {"locale": code, "page_size": 100}
            while url:
                data = get(url, params).json()
                for item in data["results"]:
                    state[(item["type"], item["id"])] = comparable(item)
                url, params = data["next"], None
    return state


def latest_cursor(get) -> int:
    data = get(f"{API}/changes/", {"limit": 1000}).json()
    while data["has_more"]:
        data = get(f"{API}/changes/", {"since": data["next_cursor"], "limit": 1000}).json()
    return data["next_cursor"]


def incremental_sync(get, state: dict, cursor: int) -> int:
    """Apply the changes after `cursor` to `state` as a partner would; the new cursor."""
    while True:
        data = get(f"{API}/changes/", {"since": cursor, "limit": 50}).json()
        for change in data["results"]:
            key = (change["type"], change["id"])
            if change["action"] in ("unpublished", "deleted"):
                state.pop(key, None)
                continue
            response = get(change["api_url"], None)
            if response.status_code == 200:
                state[key] = comparable(response.json()["data"])
            else:
                assert response.status_code in (404, 410), change
                state.pop(key, None)
        cursor = data["next_cursor"]
        if not data["has_more"]:
            return cursor


def differences(copy: dict, truth: dict) -> dict:
    """Items missing, extra or stale in `copy`, with the stale fields: {} when exact."""
    return {
        "missing": sorted(truth.keys() - copy.keys()),
        "extra": sorted(copy.keys() - truth.keys()),
        "stale": {
            key: sorted(f for f in truth[key] if truth[key][f] != copy[key].get(f))
            for key in truth.keys() & copy.keys()
            if truth[key] != copy[key]
        },
    }
