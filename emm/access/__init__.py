"""Access control (covenant art. 8.1): users, roles, and the one guarded read path."""

from emm.access.policy import AccessDenied, Principal, load_policy
from emm.access.users import AuthenticationFailed, User, UserStore

__all__ = ["AccessDenied", "AuthenticationFailed", "Principal", "User", "UserStore", "load_policy"]
