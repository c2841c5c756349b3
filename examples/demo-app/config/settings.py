# Demo settings for Takumo's quick start. Every credential below is fake.
import os

DEBUG = False
DATABASE_URL = "postgres://app:Xk29vLq7pRz4@db.internal:5432/orders"
STRIPE_SECRET_KEY = "sk_live_51Hd7kQ2eZvKYlo2C4x9mNbP0qRsTuVwXyZa1B2c3D4e5F6g7H8"
SENDGRID_KEY = os.environ.get("SENDGRID_KEY")  # read from the environment: not a finding
ADMIN_PASSWORD = "changeme"                    # a placeholder: not a finding
