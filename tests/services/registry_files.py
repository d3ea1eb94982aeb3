"""Small registry files for tests, in the registries' own layouts."""

from __future__ import annotations

ACR_HEADER = (
    "Credit Serial Numbers,Date Issued (GMT),Vintage,Quantity of Credits,"
    "Status Effective (GMT),Retired on Behalf of,Retirement Reason,Purpose of Retirement,"
    "Project ID,Unnamed: 9"
)
VERRA_HEADER = (
    "Issuance Date,Vintage Start,Vintage End,ID,Name,Quantity Issued,Serial Number,"
    "Retirement/Cancellation Date,Retirement Beneficiary,Retirement Reason,Retirement Details"
)
GS_HEADER = (
    "Vintage,Credit Status,Quantity,GSID,Project Name,Issuance Date,Retirement Date,"
    "Serial Number,Note,Use Case,Using Entity"
)
ISO_RETIREMENTS_HEADER = (
    "retirement_id,retired_at,purposes,beneficiary.name,credit_batch_size_total.credits,"
    "credit_batch_size_total.credit_kgs,project_id"
)


def acr_retirement(
    serial: str = "ACR-US-1-2025-1-1 to 100",
    quantity: str = "100",
    retired: str = "6/30/2025 7:43:26 PM",
    beneficiary: str = "Buyer Co",
    issued: str = "2/3/2025 10:00:00 AM",
    vintage: str = "2025",
) -> str:
    return (
        f'"{serial}",{issued},{vintage},"{quantity}",{retired},"{beneficiary}",'
        f'Environmental Benefit,"Retirement for 2025 emissions",ACR1,'
    )


def acr_file(*rows: str) -> bytes:
    return ("\r\n".join([ACR_HEADER, *rows]) + "\r\n").encode()


def verra_delivery(
    serial: str = "19385-1001-1100-VCS-VCU-1507-VER-ET-14-1340-01012020-31122020-1",
    quantity: str = "100",
    issued: str = "2026-04-03",
    retired: str = "",
    beneficiary: str = "",
) -> str:
    return (
        f'{issued},2020-01-01,2020-12-31,1340,Bale Mountains,"{quantity}",{serial},'
        f"{retired},{beneficiary},,"
    )


def verra_file(*rows: str) -> bytes:
    return ("\n".join([VERRA_HEADER, *rows]) + "\n").encode()


def gs_row(
    status: str = "Issued",
    quantity: str = "100",
    serial: str = "GS1-1-KE-GS11603-16-2025-30256-1-100",
    retired: str = "",
    entity: str = "",
    vintage: str = "2025",
) -> str:
    return (
        f"{vintage},{status},{quantity},11603,Cookstoves Kenya,2026-03-31,{retired},{serial},"
        f'"",Voluntary,{entity}'
    )


def gs_file(*rows: str) -> bytes:
    return ("\n".join([GS_HEADER, *rows]) + "\n").encode()


def iso_retirement(
    ident: str = "ret_1",
    kgs: str = "5000",
    beneficiary: str = "Buyer Co",
    retired: str = "2026-04-09T18:21:22.047712Z",
) -> str:
    return f"{ident},{retired},['corporate_targets'],{beneficiary},{int(kgs) / 1000},{kgs},prj_1"


def iso_file(*rows: str) -> bytes:
    return ("\n".join([ISO_RETIREMENTS_HEADER, *rows]) + "\n").encode()
