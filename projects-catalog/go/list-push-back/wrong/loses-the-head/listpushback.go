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
	if l.Tail != nil {
		l.Tail.Next = node
	}
	l.Tail = node
	l.Head = node
}
