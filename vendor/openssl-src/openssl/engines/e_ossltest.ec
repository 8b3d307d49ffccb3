# The INPUT HEADER is scanned for declarations
# LIBNAME       INPUT HEADER                    ERROR-TABLE FILE
L OSSLTEST      e_ossltest_err.h                e_ossltest_err.c
