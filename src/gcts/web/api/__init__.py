"""The REST API (django-ninja): OpenAPI 3 at ``/api/openapi.json``, human docs at ``/api/docs``."""
