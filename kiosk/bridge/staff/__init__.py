"""The staff side as QML sees it: the way in (``StaffAccess``), one object per page of the
panel, each adapting one service, and ``StaffRoom``, which hands them to QML together."""
