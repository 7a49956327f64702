package main

import (
	"fmt"
	"os"

	"piscine"
)

func main() {
	l := &piscine.List{}
	for _, arg := range os.Args[1:] {
		piscine.ListPushBack(l, arg)
	}
	values := []interface{}{}
	for n := l.Head; n != nil && len(values) < 1000; n = n.Next {
		values = append(values, n.Data)
	}
	head, tail := interface{}("nil"), interface{}("nil")
	if l.Head != nil {
		head = l.Head.Data
	}
	if l.Tail != nil {
		tail = l.Tail.Data
		if l.Tail.Next != nil {
			tail = "not the last node"
		}
	}
	fmt.Printf("%v head=%v tail=%v\n", values, head, tail)
}
