"""attachment upload: progress of scans sent to the district after their events

Revision ID: 0009_attachment_upload
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = "0009_attachment_upload"
down_revision = "0001"
branch_labels = None
depends_on = None

_S = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "attachment_upload",
        sa.Column("dossier_code", _S(), nullable=False),
        sa.Column("sha256", _S(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("state", _S(), nullable=False),
        sa.Column("offset", sa.Integer(), nullable=False),
        sa.Column("bytes_sent", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", _S(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("dossier_code", "sha256"),
    )
    with op.batch_alter_table("attachment_upload", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachment_upload_state"), ["state"], unique=False)


def downgrade() -> None:
    op.drop_table("attachment_upload")
