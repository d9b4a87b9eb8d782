"""The content generation: one counter that every write visible to visitors moves on."""

from sqlalchemy import BigInteger
from sqlalchemy.orm import Mapped, mapped_column

from civicapp.extensions import db


class CacheGeneration(db.Model):
    """One row (id 1): cached pages and fragments are valid for one value of `value` only.

    civicapp.cache adds to it in the transaction of every write that can change what a page
    shows, so a cached copy is never served after the change is committed.
    """

    __tablename__ = "cache_generations"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger)
