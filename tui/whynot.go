package tui

import tea "charm.land/bubbletea/v2"

// whyNot says, for a key that tend knows but that cannot act where the
// user is, why not and what would make it work; "" for a key tend does not
// use. A key pressed in vain is never silently dropped.
func (m *Model) whyNot(msg tea.KeyPressMsg) string {
	all := DefaultKeyMap()
	sel := m.selection()
	who := "no one is selected"
	if sel.entry != nil {
		who = sel.entry.sum.Name + " is archived"
		if !sel.entry.archived {
			who = sel.entry.sum.Name + " is not archived"
		}
	}
	switch {
	case matches(msg, all.Filter):
		return "/ filters People and searches History: press 2 or 4 first."
	case matches(msg, all.Archived):
		return "A works in People: press 2 first."
	case matches(msg, all.TabPerson):
		return "No one is open yet: choose someone and press enter."
	case matches(msg, all.Restore):
		if sel.entry == nil {
			return "u restores an archived person: " + who + "."
		}
		return "u restores an archived person; " + who + "."
	case matches(msg, all.Done):
		return "d marks a memory done: move the cursor onto an open memory first."
	case matches(msg, all.Log), matches(msg, all.Remember), matches(msg, all.Snooze), matches(msg, all.Archive):
		if sel.entry != nil && sel.entry.archived {
			return sel.entry.sum.Name + " is archived: press u to restore them first."
		}
		return msg.String() + " acts on the person under the cursor: " + who + "."
	case matches(msg, all.Edit):
		return "e edits the person under the cursor: " + who + "."
	case matches(msg, all.Unlog), matches(msg, all.Amend):
		return msg.String() + " acts on the interaction under the cursor, in History (4) or on someone's timeline (3)."
	case matches(msg, all.Open):
		return "Nothing to open here."
	}
	return ""
}
