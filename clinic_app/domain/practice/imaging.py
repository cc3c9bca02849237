"""The imaging decision as a student states it: one study (or none) from a short list."""

from __future__ import annotations

from clinic_app.domain.decision import ImagingAdvice
from clinic_app.domain.model_base import Choice, relabel


class ImagingChoice(Choice):
    NONE = "none"
    KNEE_RADIOGRAPHS = "knee_radiographs"
    KNEE_MRI = "knee_mri"
    KNEE_ULTRASOUND = "knee_ultrasound"
    HIP_RADIOGRAPHS = "hip_radiographs"
    LUMBAR_RADIOGRAPHS = "lumbar_radiographs"
    LEG_VEIN_ULTRASOUND = "leg_vein_ultrasound"
    OTHER = "other"


relabel(
    {
        ImagingChoice.NONE: "No imaging",
        ImagingChoice.KNEE_RADIOGRAPHS: "Knee radiographs",
        ImagingChoice.KNEE_MRI: "Knee MRI",
        ImagingChoice.KNEE_ULTRASOUND: "Knee ultrasound",
        ImagingChoice.HIP_RADIOGRAPHS: "Hip radiographs",
        ImagingChoice.LUMBAR_RADIOGRAPHS: "Lumbar spine radiographs",
        ImagingChoice.LEG_VEIN_ULTRASOUND: "Leg vein ultrasound",
        ImagingChoice.OTHER: "Other imaging",
    }
)


def imaging_choice(advice: ImagingAdvice) -> ImagingChoice:
    """The student's word for the decision support's one imaging recommendation."""
    if advice.is_none:
        return ImagingChoice.NONE
    modality, region = advice.modality.lower(), advice.region.lower()
    if "vein" in region:
        return ImagingChoice.LEG_VEIN_ULTRASOUND
    if "hip" in region:
        return ImagingChoice.HIP_RADIOGRAPHS
    if "lumbar" in region:
        return ImagingChoice.LUMBAR_RADIOGRAPHS
    if "knee" in region:
        if modality.startswith("mri"):
            return ImagingChoice.KNEE_MRI
        if modality == "ultrasound":
            return ImagingChoice.KNEE_ULTRASOUND
        if modality == "radiograph":
            return ImagingChoice.KNEE_RADIOGRAPHS
    return ImagingChoice.OTHER
