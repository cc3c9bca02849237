"""Imaging advice the rules and the conclusion share, so the same study reads the same."""

from __future__ import annotations

from clinic_app.domain.decision.model import ImagingAdvice

KNEE_SERIES_VIEWS = ("AP", "lateral", "tangential patellar (skyline/Merchant)")


def no_imaging(reason: str) -> ImagingAdvice:
    return ImagingAdvice("none", "knee", (), reason)


def knee_radiographs(reason: str, *, weight_bearing: bool = False) -> ImagingAdvice:
    views = ("weight-bearing AP", *KNEE_SERIES_VIEWS[1:]) if weight_bearing else KNEE_SERIES_VIEWS
    return ImagingAdvice("radiograph", "knee", views, reason)


def knee_mri(reason: str) -> ImagingAdvice:
    return ImagingAdvice("MRI without contrast", "knee", (), reason)


def hip_radiographs_scfe(reason: str) -> ImagingAdvice:
    return ImagingAdvice(
        "radiograph", "both hips", ("AP pelvis (both hips)", "frog-leg lateral"), reason
    )
