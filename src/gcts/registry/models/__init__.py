"""The registry's schema, split by aggregate: actors, activities (with paragraph links), money, assessments,
assistance requests and offers, and the access log of restricted records."""

from gcts.registry.models.access import AccessLog
from gcts.registry.models.activities import (
    Activity,
    ActivityDocument,
    ActivityStatus,
    BeneficiaryCountry,
    BeneficiaryRegion,
    Indicator,
    OrganisationRole,
    Participation,
    PillarShare,
    RelatedActivity,
    Result,
    ThemeShare,
)
from gcts.registry.models.actors import (
    Affiliation,
    CompactMembership,
    GroupMembership,
    MemberState,
    Organisation,
    Region,
)
from gcts.registry.models.assessments import Assessment, AssessmentType, Priority, Recommendation
from gcts.registry.models.assistance import AssistanceOffer, AssistanceRequest, Match, MatchStatus
from gcts.registry.models.governance import Visibility, Workflow
from gcts.registry.models.links import LinkStatus, ParagraphLink
from gcts.registry.models.money import Budget, BudgetType, Flow, FlowKind, Rate, RateTable

__all__ = [
    "AccessLog",
    "Activity",
    "ActivityDocument",
    "ActivityStatus",
    "Affiliation",
    "Assessment",
    "AssessmentType",
    "AssistanceOffer",
    "AssistanceRequest",
    "BeneficiaryCountry",
    "BeneficiaryRegion",
    "Budget",
    "BudgetType",
    "CompactMembership",
    "Flow",
    "FlowKind",
    "GroupMembership",
    "Indicator",
    "LinkStatus",
    "Match",
    "MatchStatus",
    "MemberState",
    "Organisation",
    "OrganisationRole",
    "ParagraphLink",
    "Participation",
    "PillarShare",
    "Priority",
    "Rate",
    "RateTable",
    "Recommendation",
    "Region",
    "RelatedActivity",
    "Result",
    "ThemeShare",
    "Visibility",
    "Workflow",
]
