# The INPUT HEADER is scanned for declarations
# LIBNAME       INPUT HEADER                    ERROR-TABLE FILE
L CAPI          e_capi_err.h                    e_capi_err.c
