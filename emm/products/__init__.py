"""Products of the EMM (covenant art. 3): OIB and BI may name people; QS, TIB, SIB and NCP
answers may not and leave only through the export gate in :mod:`emm.anonymise`."""
