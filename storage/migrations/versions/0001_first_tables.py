"""first tables: catalog, citizens, dossiers, office

Revision ID: 0001
Revises: 
Create Date: 2026-11-21 22:59:59.258450
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('calendar_exception',
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('day')
    )
    op.create_table('catalog_version',
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('checksum', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('procedures', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('version')
    )
    op.create_table('citizen',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_folded', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('id_number', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('id_type', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_citizen_id_number'), ['id_number'], unique=True)
        batch_op.create_index(batch_op.f('ix_citizen_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_citizen_phone'), ['phone'], unique=False)

    op.create_table('clerk',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('pin_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('counter',
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('number')
    )
    op.create_table('dossier_sequence',
    sa.Column('office_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('office_id', 'day')
    )
    op.create_table('field',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('service',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('field_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('wait_target_minutes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('code'),
    sa.UniqueConstraint('prefix')
    )
    op.create_table('procedure',
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_folded', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('time_limit_value', sa.Integer(), nullable=False),
    sa.Column('time_limit_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('fee_amount', sa.Integer(), nullable=False),
    sa.Column('fee_note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('level', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('url', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('code_verified', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('catalog_version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['field_code'], ['field.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_procedure_field_code'), ['field_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_procedure_name_folded'), ['name_folded'], unique=False)

    op.create_table('dossier',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
    sa.Column('office_id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('procedure_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('field_code', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('citizen_id', sa.Uuid(), nullable=True),
    sa.Column('applicant_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_folded', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('sets', sa.Integer(), nullable=False),
    sa.Column('notes', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('time_limit_value', sa.Integer(), nullable=False),
    sa.Column('time_limit_unit', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('rule_version', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('extended_due_at', sa.DateTime(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('resume_status', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('paused_since', sa.DateTime(), nullable=True),
    sa.Column('result_at', sa.DateTime(), nullable=True),
    sa.Column('returned_at', sa.DateTime(), nullable=True),
    sa.Column('return_method', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('handling_agency', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('receiving_clerk_id', sa.Uuid(), nullable=True),
    sa.Column('counter_number', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizen.id'], ),
    sa.ForeignKeyConstraint(['procedure_code'], ['procedure.code'], ),
    sa.ForeignKeyConstraint(['receiving_clerk_id'], ['clerk.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_citizen_id'), ['citizen_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_name_folded'), ['name_folded'], unique=False)
        batch_op.create_index(batch_op.f('ix_dossier_procedure_code'), ['procedure_code'], unique=False)
        batch_op.create_index('ix_dossier_received', ['received_at'], unique=False)
        batch_op.create_index('ix_dossier_status_due', ['status', 'due_at'], unique=False)

    op.create_table('dossier_event',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('dossier_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('clerk_id', sa.Uuid(), nullable=True),
    sa.Column('clerk_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('backdated', sa.Boolean(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['clerk_id'], ['clerk.id'], ),
    sa.ForeignKeyConstraint(['dossier_id'], ['dossier.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dossier_event_dossier_id'), ['dossier_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('dossier_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dossier_event_dossier_id'))

    op.drop_table('dossier_event')
    with op.batch_alter_table('dossier', schema=None) as batch_op:
        batch_op.drop_index('ix_dossier_status_due')
        batch_op.drop_index('ix_dossier_received')
        batch_op.drop_index(batch_op.f('ix_dossier_procedure_code'))
        batch_op.drop_index(batch_op.f('ix_dossier_name_folded'))
        batch_op.drop_index(batch_op.f('ix_dossier_citizen_id'))

    op.drop_table('dossier')
    with op.batch_alter_table('procedure', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_procedure_name_folded'))
        batch_op.drop_index(batch_op.f('ix_procedure_field_code'))

    op.drop_table('procedure')
    op.drop_table('service')
    op.drop_table('field')
    op.drop_table('dossier_sequence')
    op.drop_table('counter')
    op.drop_table('clerk')
    with op.batch_alter_table('citizen', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_citizen_phone'))
        batch_op.drop_index(batch_op.f('ix_citizen_name_folded'))
        batch_op.drop_index(batch_op.f('ix_citizen_id_number'))

    op.drop_table('citizen')
    op.drop_table('catalog_version')
    op.drop_table('calendar_exception')

