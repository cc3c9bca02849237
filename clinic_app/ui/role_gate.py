"""Actions a role may not take are disabled with the reason, before any dialog opens.

The services refuse them anyway; this only spares the user a form filled in for nothing.
"""

from __future__ import annotations

from clinic_app.domain.records.roles import Role, User, may_edit_records, may_sign
from clinic_app.ui.actions import ActionRegistry

_WRITES_RECORDS = (
    "newPatientAction", "editPatientAction", "newAssessmentAction", "newFollowUpAction",
    "dischargeAction", "addAddendumAction", "importCaseFilesAction",
)
_SIGNS = ("signAssessmentAction",)
GATED = (*_WRITES_RECORDS, *_SIGNS)
_REFUSED = "Not available to you:"


def refusals(user: User | None) -> dict[str, str]:
    """objectName -> why ``user`` may not take that action (nothing without a login: the
    installation's one clinician may do everything)."""
    if user is None:
        return {}
    refused: dict[str, str] = {}
    if not may_edit_records(user.role):
        reason = f"{_REFUSED} {_plural(user.role)} do not write clinical records"
        refused.update(dict.fromkeys(_WRITES_RECORDS, reason))
    if not may_sign(user.role) and user.role is not Role.STUDENT:  # students submit instead
        refused.update(dict.fromkeys(_SIGNS, f"{_REFUSED} {_plural(user.role)} do not "
                                     "sign notes"))
    return refused


def apply_role_gate(actions: ActionRegistry, user: User | None) -> None:
    """Disable what ``user`` may not do, saying why in the tooltip; an action no longer
    refused gets its own tip back (its ``statusTip``, which the gate never changes)."""
    refused = refusals(user)
    for name in GATED:
        action, reason = actions[name], refused.get(name)
        if reason is not None:
            action.setEnabled(False)
            action.setToolTip(reason)
        elif action.toolTip().startswith(_REFUSED):
            action.setToolTip(action.statusTip())


def _plural(role: Role) -> str:
    return f"{role.label.lower()}s"
