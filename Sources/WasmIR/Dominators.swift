/// The dominator tree of a function's control-flow graph, by the iterative algorithm of Cooper, Harvey
/// and Kennedy ("A Simple, Fast Dominance Algorithm"), with pre/post numbers on the tree so that
/// `dominates` answers in constant time.
public struct DominatorTree: Sendable {
    /// Blocks reachable from the entry, in reverse post-order.
    public let reversePostOrder: [BlockID]
    /// The immediate dominator of each block; nil for the entry and for unreachable blocks.
    public let immediateDominators: [BlockID?]
    private let preorder: [Int32]
    private let postorder: [Int32]

    /// `successors[b]` lists the blocks `b` branches to (indices into the same array).
    public init(successors: [[Int]]) {
        let count = successors.count
        var order: [Int] = []
        order.reserveCapacity(count)
        var visited = [Bool](repeating: false, count: count)
        // Iterative depth-first search: a stack of (block, next successor position).
        var stack: [(block: Int, next: Int)] = []
        if count > 0 {
            visited[0] = true
            stack.append((0, 0))
        }
        while let top = stack.last {
            let edges = successors[top.block]
            if top.next < edges.count {
                stack[stack.count - 1].next += 1
                let successor = edges[top.next]
                if successor >= 0, successor < count, !visited[successor] {
                    visited[successor] = true
                    stack.append((successor, 0))
                }
            } else {
                order.append(top.block)
                stack.removeLast()
            }
        }
        order.reverse()
        var rpoNumber = [Int](repeating: -1, count: count)
        for (position, block) in order.enumerated() { rpoNumber[block] = position }

        var predecessors = [[Int]](repeating: [], count: count)
        for block in order {
            for successor in successors[block] where successor >= 0 && successor < count {
                predecessors[successor].append(block)
            }
        }

        var idom = [Int](repeating: -1, count: count)
        if count > 0 { idom[0] = 0 }
        var changed = true
        while changed {
            changed = false
            for block in order.dropFirst() {
                var newIdom = -1
                for predecessor in predecessors[block] where idom[predecessor] != -1 {
                    if newIdom == -1 {
                        newIdom = predecessor
                    } else {
                        var a = predecessor, b = newIdom
                        while a != b {
                            while rpoNumber[a] > rpoNumber[b] { a = idom[a] }
                            while rpoNumber[b] > rpoNumber[a] { b = idom[b] }
                        }
                        newIdom = a
                    }
                }
                if newIdom != -1, idom[block] != newIdom {
                    idom[block] = newIdom
                    changed = true
                }
            }
        }

        // Number the tree in pre- and post-order: `a` dominates `b` iff b's interval nests in a's.
        var children = [[Int]](repeating: [], count: count)
        for block in order.dropFirst() where idom[block] >= 0 { children[idom[block]].append(block) }
        var pre = [Int32](repeating: -1, count: count)
        var post = [Int32](repeating: -1, count: count)
        var clock: Int32 = 0
        var walk: [(block: Int, next: Int)] = []
        if count > 0 {
            pre[0] = clock; clock += 1
            walk.append((0, 0))
        }
        while let top = walk.last {
            if top.next < children[top.block].count {
                walk[walk.count - 1].next += 1
                let child = children[top.block][top.next]
                pre[child] = clock; clock += 1
                walk.append((child, 0))
            } else {
                post[top.block] = clock; clock += 1
                walk.removeLast()
            }
        }

        reversePostOrder = order.map { BlockID(UInt32($0)) }
        immediateDominators = (0..<count).map { block in
            block == 0 || idom[block] < 0 ? nil : BlockID(UInt32(idom[block]))
        }
        preorder = pre
        postorder = post
    }

    /// Builds the tree of `function`, ignoring branch targets outside the function.
    public init(_ function: IRFunction) {
        self.init(successors: function.blocks.map { block in
            block.terminator?.successors.map { Int($0.block.index) } ?? []
        })
    }

    public func isReachable(_ block: BlockID) -> Bool {
        let index = Int(block.index)
        return index < preorder.count && preorder[index] >= 0
    }

    /// Whether every path from the entry to `b` passes through `a` (a block dominates itself).
    /// False when either block is unreachable.
    public func dominates(_ a: BlockID, _ b: BlockID) -> Bool {
        guard isReachable(a), isReachable(b) else { return false }
        let a = Int(a.index), b = Int(b.index)
        return preorder[a] <= preorder[b] && postorder[b] <= postorder[a]
    }
}
