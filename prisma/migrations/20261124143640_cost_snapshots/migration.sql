-- CreateTable
CREATE TABLE "CostSnapshot" (
    "month" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "fetchedAt" TIMESTAMPTZ(3) NOT NULL,
    "lines" JSONB NOT NULL,

    CONSTRAINT "CostSnapshot_pkey" PRIMARY KEY ("month")
);
