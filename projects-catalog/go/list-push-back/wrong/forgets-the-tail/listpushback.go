package piscine

type NodeL struct {
	Data interface{}
	Next *NodeL
}

type List struct {
	Head *NodeL
	Tail *NodeL
}

func ListPushBack(l *List, data interface{}) {
	node := &NodeL{Data: data}
	if l.Head == nil {
		l.Head = node
		l.Tail = node
		return
	}
	last := l.Head
	for last.Next != nil {
		last = last.Next
	}
	last.Next = node
}
