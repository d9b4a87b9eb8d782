"""The API's resources, one module each: its query, its declaration (JSON and schema), its paths."""

from civicapp.api.resources import (
    accountability,
    consultations,
    donors,
    initiatives,
    municipalities,
    organisations,
    portfolio,
    priorities,
)

# In the order of the OpenAPI document's tags.
ALL = (
    municipalities,
    consultations,
    priorities,
    accountability,
    organisations,
    initiatives,
    donors,
    portfolio,
)
