package extract

import "testing"

// TestFindTargetsSubjectRules: the rules of the roles step that read a
// target's subject (and, with it, where its indicator starts), each with
// the case it is for and one it must leave alone.
func TestFindTargetsSubjectRules(t *testing.T) {
	c := TargetContext{Issued: "2025-01-10", Kind: "plan"}
	for _, tc := range []struct {
		rule, text string
		value      float64
		subject    string
		indicator  string // "" when not checked
	}{
		// a share's own noun after it, the words before it ending with a
		// preposition or a coordinator (tgOwnShare)
		// a row label "item: N unit" without the time words its date left
		// (labelRolesSplit)
		{"row label with a date", "II. CHỈ TIÊU CỤ THỂ\n1. Số trạm sạc xây mới trong năm 2025: 60 trạm.", 60,
			"trạm sạc xây mới", ""},
		{"row label with a date at its end", "II. CHỈ TIÊU CỤ THỂ\n1. Số nhà văn hóa được xây mới đến năm 2025: 12 nhà.", 12,
			"nhà văn hóa", ""},
		// a label before a colon names what a clause of a verb and a
		// number alone measures (leftPart, tgGroupLabel)
		{"label, then a verb and the number", "Các chỉ tiêu năm 2025:\n- Xuất khẩu nông sản: phấn đấu đạt 60 tỷ USD.", 60,
			"Xuất khẩu nông sản", "đạt"},
		{"label with its own predicate", "Các chỉ tiêu năm 2025:\n- Diện tích rừng trồng mới: phấn đấu đạt 5.000 ha.", 5000,
			"Diện tích rừng", "trồng mới"},
		{"a goal's name labels nothing", "Chỉ tiêu năm 2026: trồng mới 2.000 ha rừng phòng hộ.", 2000,
			"rừng phòng hộ", "trồng mới"},
		// a duration's number before the verb is no word of the subject
		// (tgTrimTime on the words before the verb)
		{"duration before the verb", "Chỉ tiêu chủ yếu đến năm 2025: tổng vốn đầu tư toàn xã hội 5 năm đạt khoảng 250.000 tỷ đồng.", 250000,
			"tổng vốn đầu tư toàn xã hội", "đạt"},
		{"duration before the verb, no time word", "Chỉ tiêu chủ yếu đến năm 2025: tổng thu ngân sách trong 5 năm đạt 25.000 tỷ đồng.", 25000,
			"tổng thu ngân sách", "đạt"},
		{"own share after a preposition", "Bảo đảm cơ sở vật chất và duy trì điều trị cho 100% người nghiện các chất dạng thuốc phiện.", 100,
			"người nghiện các chất dạng thuốc phiện", ""},
		{"own share after a preposition", "Phấn đấu tổ chức tuyên truyền pháp luật cho người học tại 100% nhà trường và trên 70% người lao động tại các khu công nghiệp.", 100,
			"nhà trường", ""},
		{"own share after a coordinator", "Phấn đấu tổ chức tuyên truyền pháp luật cho người học tại 100% nhà trường và trên 70% người lao động tại các khu công nghiệp.", 70,
			"người lao động tại các khu công nghiệp", ""},
		{"a level reached: the words after the share are its base", "Mục tiêu đến năm 2030: chi đầu tư đạt ít nhất 10% tổng chi ngân sách nhà nước.", 10,
			"chi đầu tư", "đạt"},
		// the last passive of the clause after a share is its predicate
		// (tgLastPassive)
		{"last passive", "Mục tiêu đến năm 2025: đạt 80% người bị bạo lực gia đình được phát hiện được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản.", 80,
			"người bị bạo lực gia đình được phát hiện", "được tiếp cận ít nhất một trong các dịch vụ hỗ trợ cơ bản"},
		{"last passive after a verb of the clause before", "Phấn đấu 100% các điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy, đối tượng mua, bán trái phép chất ma túy và 100% diện tích trồng trái phép cây có chứa chất ma túy được phát hiện và triệt phá.", 100,
			"diện tích trồng trái phép cây có chứa chất ma túy", ""},
		{"last passive over a verb inside the noun", "Phấn đấu trên 90% người nghiện ma túy, người sử dụng trái phép chất ma túy được tư vấn, hỗ trợ.", 90,
			"người nghiện ma túy, người sử dụng trái phép chất ma túy", "được tư vấn, hỗ trợ"},
		{"\"thiết bị\" is no passive", "Phấn đấu 100% trạm y tế cấp xã được đầu tư cơ sở vật chất, thiết bị y tế.", 100,
			"trạm y tế cấp xã", "được đầu tư cơ sở vật chất, thiết bị y tế"},
		{"a passive in another clause", "Phấn đấu có ít nhất 70% cá nhân trong tập thể đạt danh hiệu Lao động tiên tiến và không có cá nhân bị kỷ luật.", 70,
			"cá nhân trong tập thể", ""},
		{"\"được giao\" names the noun", "Phấn đấu hoàn thành 100% nhiệm vụ được giao.", 100,
			"nhiệm vụ được giao", "hoàn thành"},
		// a lead-in before a colon labels nothing (tgOnlyLeadWords)
		{"lead-in before a colon", "Cụ thể: Cục Hải quan Lạng Sơn phấn đấu 3.800 tỷ đồng.", 3800,
			"Cục Hải quan Lạng Sơn", ""},
		// the subject before a marker: no adverbials before its last comma,
		// no verb that sets the goal (beforeMarker)
		{"subject before a marker", "Tuy nhiên, theo các chuyên gia, năm 2020, ngành gỗ Việt Nam đặt mục tiêu đạt 12 tỷ USD kim ngạch xuất khẩu.", 12,
			"ngành gỗ Việt Nam", "đạt"},
		// a quantity that qualifies the subject does not cut it off
		// (tgQtyClauseStart)
		{"qualifying quantity", "Mục tiêu đến năm 2030: tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỷ lệ người từ 65 tuổi trở lên đạt khoảng 12%.", 22,
			"tỷ lệ trẻ em dưới 15 tuổi", ""},
		{"qualifying quantity, \"trở lên\" kept", "Mục tiêu đến năm 2030: tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỷ lệ người từ 65 tuổi trở lên đạt khoảng 12%.", 12,
			"tỷ lệ người từ 65 tuổi trở lên", ""},
		{"qualifying quantity after \"trên\"", "Mục tiêu năm 2030: giá trị sản xuất bình quân trên 1 ha đất trồng trọt đạt 250 triệu đồng.", 250,
			"giá trị sản xuất bình quân trên 1 ha đất trồng trọt", "đạt"},
		{"a quantity that ends a clause of its own", "Mục tiêu năm 2025: dư nợ tín dụng tăng 10% đạt 815 nghìn tỷ đồng.", 815,
			"dư nợ tín dụng", ""},
		// "kim ngạch xuất khẩu" is a noun: no clause before its comma
		{"\"xuất khẩu\" in a noun", "Phấn đấu năm 2025 tổng kim ngạch xuất khẩu nông, lâm, thủy sản đạt 48 - 50 tỷ USD.", 48,
			"tổng kim ngạch xuất khẩu nông, lâm, thủy sản", "đạt"},
		// a level a share reaches takes what the share is of (shareBase)
		{"share base", "Mục tiêu đến năm 2030: kinh tế số chiếm 45% GRDP tỉnh.", 45,
			"kinh tế số", "chiếm GRDP tỉnh"},
		{"share of a plan", "Phấn đấu thu ngân sách trên địa bàn đạt 100% dự toán năm 2024.", 100,
			"thu ngân sách trên địa bàn", "đạt dự toán"},
		{"share base after \"trong tổng\"", "Mục tiêu đến năm 2030: doanh nghiệp vừa và lớn chiếm khoảng 5-6% trong tổng số doanh nghiệp.", 5,
			"doanh nghiệp vừa và lớn", "chiếm trong tổng số doanh nghiệp"},
		{"no base after a time", "Mục tiêu: lao động có việc làm đạt 70% vào năm 2025.", 70,
			"lao động có việc làm", "đạt"},
		// a measure's name with no verb of level keeps its own verb
		{"measure name with a verb", "Phấn đấu tỷ lệ cán bộ có trình độ khoa học, công nghệ khoảng 5%.", 5,
			"tỷ lệ cán bộ có trình độ khoa học, công nghệ", ""},
		{"measure name with a verb of level", "Phấn đấu tỷ lệ cán bộ có trình độ đại học đạt 80%.", 80,
			"tỷ lệ cán bộ có trình độ đại học", ""},
		// a measure's name opens with "giá trị", "kim ngạch", "quy mô"
		{"measure name \"giá trị\"", "Năm 2018, Vinacomin đặt mục tiêu giá trị đầu tư xây dựng cơ bản ở mức 16.670 tỷ đồng.", 16670,
			"giá trị đầu tư xây dựng cơ bản của Vinacomin", ""},
		// a "Đối với X:" label places the subject within its group
		// (tgForGroup, tgWithGroup)
		{"group label", "- Đối với tập thể: phấn đấu hoàn thành 100% các nhiệm vụ được giao; số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%.", 100,
			"nhiệm vụ được giao của tập thể", "hoàn thành"},
		{"group label over a share", "- Đối với tập thể: phấn đấu hoàn thành 100% các nhiệm vụ được giao; số nhiệm vụ chưa bảo đảm tiến độ không vượt quá 20%.", 20,
			"nhiệm vụ chưa bảo đảm tiến độ của tập thể", ""},
		{"group label that is the subject", "Đối với cha mẹ: phấn đấu 100% cha mẹ được tập huấn kỹ năng.", 100,
			"cha mẹ", ""},
		// a level after a growth rate in the clause before (levelAfterGrowth)
		{"level after a growth rate", "Năm 2020, OCB đặt mục tiêu lợi nhuận trước thuế tăng trưởng 36%, đạt 4.400 tỷ đồng.", 4400,
			"lợi nhuận trước thuế tăng trưởng của OCB", "đạt"},
		// after a verb of level, a share's noun with a predicate of its own
		// is its subject; a name after it is not
		{"share with a predicate after a verb of level", "Tập trung phát triển, phấn đấu đến năm 2030 đạt 30% doanh nghiệp nhỏ và vừa thực hiện chuyển đổi số.", 30,
			"doanh nghiệp nhỏ và vừa", "thực hiện chuyển đổi số"},
		{"a name after the share", "Mục tiêu tăng trưởng GDP đạt 6,5% Quốc hội đề ra cho giai đoạn 2016-2020.", 6.5,
			"tăng trưởng GDP", ""},
		// a growth of what the words after the rate name (growthOf)
		{"growth of what follows", "Năm 2026, ngân hàng đặt mục tiêu tăng trưởng 25% đối với các chỉ tiêu hoạt động.", 25,
			"các chỉ tiêu hoạt động", "tăng trưởng"},
		{"growth about what follows", "Năm 2018 ngành phấn đấu tăng trưởng bình quân từ 8 – 9% về tấn hàng hóa và lượt hành khách.", 8,
			"tấn hàng hóa và lượt hành khách", ""},
		// modal and adverbial words do not end a subject
		{"adverb at the end", "Năm 2021, ngân hàng phấn đấu lợi nhuận cũng đạt 5.000 tỷ đồng.", 5000,
			"lợi nhuận", "đạt"},
		// a yearly rise (tgYearlyBefore)
		{"yearly rise", "Mục tiêu: Hằng năm, số vụ phạm tội về ma túy được phát hiện, bắt giữ tăng trên 3%.", 3,
			"vụ phạm tội về ma túy được phát hiện, bắt giữ", "tăng hằng năm"},
		// a count after another item names its own subject
		{"count after another item", "Năm 2025, phấn đấu đón và phục vụ 22 - 23 triệu lượt khách du lịch quốc tế, 120 - 130 triệu lượt khách du lịch nội địa.", 120,
			"triệu lượt khách du lịch nội địa", ""},
		// a share's name holds its criterion; one without a predicate
		// leaves the level (tgSharePredicate)
		{"a share's predicate", "Mục tiêu đến năm 2030: Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số đạt 90%.", 90,
			"Tỷ lệ dân số trưởng thành tiếp cận dịch vụ số", "tiếp cận dịch vụ số"},
		{"a share's passive", "Mục tiêu đến năm 2030: Tỷ lệ người dân được định danh số đạt 100%.", 100,
			"Tỷ lệ người dân được định danh số", "được định danh số"},
		{"a share without a predicate", "Mục tiêu đến năm 2030: Tỷ lệ che phủ rừng đạt 48%.", 48,
			"Tỷ lệ che phủ rừng", "đạt"},
		// an amount with no verb or a copula is a level to reach; a
		// growth's name holds its verb (tgLevelIndicator)
		{"an amount with no verb", "Năm 2021, FPT đặt kế hoạch doanh thu 21.900 tỷ đồng.", 21900,
			"doanh thu của FPT", "đạt"},
		{"an amount with a copula", "Năm 2020, công ty đặt mục tiêu lợi nhuận trước thuế là 1.500 tỷ đồng.", 1500,
			"lợi nhuận trước thuế", "đạt"},
		{"a growth with a copula", "Năm 2021, Chính phủ đặt mục tiêu tăng trưởng GDP là 6,5%.", 6.5,
			"tăng trưởng GDP", "tăng trưởng"},
		{"a growth that reaches a level", "Năm 2025, phấn đấu tăng trưởng kinh tế đạt từ 8% trở lên.", 8,
			"tăng trưởng kinh tế", "tăng trưởng"},
		{"an average growth rate", "Mục tiêu: tốc độ tăng trưởng GRDP bình quân giai đoạn 2021 - 2025 đạt 7,2%/năm.", 7.2,
			"GRDP", "tốc độ tăng trưởng bình quân"},
		{"a measure the subject has", "Xếp loại hoàn thành tốt nhiệm vụ: phấn đấu cá nhân có tổng điểm đánh giá đạt từ 70 điểm trở lên.", 70,
			"cá nhân", "tổng điểm đánh giá"},
		// a count in a breakdown by organisation is the organisation's
		// (orgRowLabel)
		{"an organisation's row after a colon", "2. Cơ quan Trung ương trên địa bàn thành phố: Chỉ tiêu xét tối đa 2 tập thể và 4 cá nhân.", 2,
			"Cơ quan Trung ương trên địa bàn thành phố", ""},
		{"an organisation's row under its line", "KẾ HOẠCH\n\nChỉ tiêu khen thưởng năm 2025:\n\n- Ban Chỉ đạo bầu cử của tỉnh:\nKhông quá 05 cá nhân;", 5,
			"Ban Chỉ đạo bầu cử của tỉnh", ""},
		{"a lead-in line names no organisation", "Mục tiêu năm 2025:\nKết nạp 150 đảng viên mới.", 150,
			"đảng viên mới", ""},
		// after "có", the predicate of what is counted is the criterion
		{"a predicate after \"có\"", "Đến hết năm 2030: Có ≥ 60% DNNVV, HTX, HKD trên địa bàn Tỉnh ứng dụng công nghệ số.", 60,
			"DNNVV, HTX, HKD trên địa bàn Tỉnh", "ứng dụng công nghệ số"},
		{"a noun after \"người\" is no predicate", "Mục tiêu đến năm 2030: Tỷ lệ nữ tiến sĩ trong tổng số người có trình độ tiến sĩ đạt 30%.", 30,
			"Tỷ lệ nữ tiến sĩ trong tổng số người có trình độ tiến sĩ", "đạt"},
		{"an average goes with the verb", "Mục tiêu nhiệm kỳ 2025 - 2030: Kết nạp bình quân mỗi năm từ 250 đảng viên mới trở lên.", 250,
			"đảng viên mới", "Kết nạp bình quân mỗi năm"},
		{"a share in a structure", "Mục tiêu: - Cơ cấu kinh tế đến năm 2020: công nghiệp - xây dựng 35%, dịch vụ 40%, nông, lâm nghiệp 25%.", 40,
			"dịch vụ", "tỷ trọng trong cơ cấu kinh tế"},
		{"a copula states a level to reach", "Năm 2021, công ty đặt mục tiêu nộp ngân sách là 250 tỷ đồng.", 250,
			"nộp ngân sách", "đạt"},
		// an amount's owner that sets it before the marker (actorBefore)
		{"an abbreviation sets the goal", "Năm 2021, MWG đặt mục tiêu doanh thu 86.390 tỷ đồng.", 86390,
			"doanh thu của MWG", "đạt"},
		{"a company's name sets the goal", "Năm 2020, Tập đoàn Xây dựng Hòa Bình cũng vừa thông qua mục tiêu doanh thu là 12.500 tỷ đồng.", 12500,
			"doanh thu của Tập đoàn Xây dựng Hòa Bình", "đạt"},
		{"a sentence's first word is no name", "Các chỉ tiêu lãi trước thuế năm 2020 phấn đấu đạt 139 tỷ đồng.", 139,
			"lãi trước thuế", "đạt"},
		// a goal quoted in brackets is the quota of the sentence's subject
		// (quotaOwner, docOrg)
		{"whose quota", "Riêng khu vực Hải Phòng thu được 30.763 tỷ đồng, đạt 54% so với chỉ tiêu Bộ Tài chính giao (57.100 tỷ đồng).", 57100,
			"khu vực Hải Phòng", ""},
		{"whose quota after an adverbial", "Trong đó, phải kể đến như Cục Hải quan Thanh Hoá đã sớm cán đích với số thu 9.866,5 tỷ đồng, đạt 104,96% chỉ tiêu được giao (9.400 tỷ đồng).", 9400,
			"Cục Hải quan Thanh Hoá", ""},
		{"whose quota: the body quoted", "Theo Cục Hải quan Hải Phòng, hết tháng 8 toàn Cục thu ngân sách được 35.193 tỷ đồng, đạt 53% so với chỉ tiêu của Bộ Tài chính giao (67.000 tỷ đồng).", 67000,
			"Cục Hải quan Hải Phòng", ""},
		{"whose quota: the body the document opens with", "Hải quan Quảng Ninh vượt chỉ tiêu thu\n\nTính đến hết ngày 29/12, toàn Cục đã thu đạt 12.119 tỷ đồng, đạt 127% dự toán Bộ Tài chính giao (9.500 tỷ đồng).", 9500,
			"Hải quan Quảng Ninh", ""},
		// a business measure is the figure of the company the paragraph
		// names last (companyOwner)
		{"a company's measure in the clause after", "Năm 2021, Tập đoàn Xây dựng Minh Phát thông qua kế hoạch doanh thu là 9.000 tỷ đồng và lợi nhuận sau thuế 300 tỷ đồng.", 300,
			"lợi nhuận sau thuế của Tập đoàn Xây dựng Minh Phát", ""},
		{"a company's short name", "Năm 2021, Ngân hàng TMCP Phương Nam (PNB) họp đại hội cổ đông. Năm 2021, PNB đặt kế hoạch tổng tài sản tăng 10%; kế hoạch CIR ở mức 35%.", 35,
			"CIR của PNB", ""},
		{"a company's name with lower-case words", "Năm 2026, Tổng công ty Phân bón và hóa chất miền Nam (PBM) đặt kế hoạch tổng doanh thu đạt 8.000 tỷ đồng.", 8000,
			"tổng doanh thu của PBM", ""},
		{"the central bank is no company", "Năm 2021, Ngân hàng Nhà nước đặt mục tiêu tín dụng tăng 12%.", 12,
			"tín dụng", ""},
		// a level after a growth rate with no verb ("lên mức")
		{"a level after a growth rate, \"lên mức\"", "Năm 2026, ngân hàng đặt mục tiêu tổng tài sản tăng 20%, đạt 150.000 tỷ đồng; vốn điều lệ tăng 40%, lên mức 10.000 tỷ đồng.", 10000,
			"vốn điều lệ", ""},
		// the giver of a quota is no subject: the quota is the one before,
		// else the holder's (quotaHolder)
		{"a giver after a quota", "Năm 2021, Cục Hải quan Bắc Sơn được Bộ Tài chính giao chỉ tiêu thu ngân sách là 5.000 tỷ đồng, Tổng cục Hải quan giao 5.200 tỷ đồng và UBND tỉnh giao chỉ tiêu phấn đấu là 5.500 tỷ đồng.", 5500,
			"thu ngân sách", ""},
		{"a bare quota is its holder's", "Năm 2026, Cục Hải quan Bắc Sơn được Quốc hội và Bộ Tài chính giao chỉ tiêu dự toán là 3.380 tỷ đồng.", 3380,
			"Cục Hải quan Bắc Sơn", ""},
		{"a quota of the body the text opens with", "Hải quan Bắc Sơn tăng tốc thu ngân sách\n\nĐể đạt được kế hoạch 4.470 tỷ đồng, đơn vị tập trung các giải pháp.", 4470,
			"Hải quan Bắc Sơn", ""},
		{"a share of the targets names no giver", "Mục tiêu năm 2026: hoàn thành 100% chỉ tiêu, nhiệm vụ được giao, trong đó có ít nhất 30% chỉ tiêu hoàn thành vượt mức.", 30,
			"chỉ tiêu", ""},
		{"a giver after a share", "Mục tiêu năm 2026: tăng trưởng GDP đạt 6,5%, cao hơn mức khoảng 6% Quốc hội giao.", 6,
			"tăng trưởng GDP", ""},
		{"a name before a quota word is what it is of", "Năm 2020, kế hoạch CIR ở mức 36%.", 36,
			"CIR", ""},
		// "đơn vị này" is the body of its clause (unitReference)
		{"this unit", "Trong 2 đơn vị này, Cục Hải quan Bắc Sơn được giao bổ sung 300 tỷ đồng, nâng tổng chỉ tiêu thu NSNN của đơn vị này lên 700 tỷ đồng; Cục Hải quan Nam Hà phải tăng thêm 35 tỷ đồng, nâng tổng chỉ tiêu thu NSNN của đơn vị này lên 950 tỷ đồng.", 950,
			"NSNN của Cục Hải quan Nam Hà", ""},
		// a bracketed quota: givers listed with a comma; the measure of the
		// body the paragraph is about (quotaOwner, bodyBefore)
		{"whose quota: givers listed", "Hải quan Bắc Sơn vượt chỉ tiêu\n\nTính đến hết ngày 29/12, toàn Cục đã thu 1.211 tỷ đồng, đạt 115% chỉ tiêu do TCHQ, UBND tỉnh giao (1.050 tỷ đồng).", 1050,
			"Hải quan Bắc Sơn", ""},
		{"whose quota: the measure of the body", "Cục Hải quan Nam Hà dự báo, số thu NSNN năm 2020 ước đạt khoảng 1.010 tỷ đồng, đạt 83% chỉ tiêu phấn đấu (1.210 tỷ đồng).", 1210,
			"thu NSNN của Cục Hải quan Nam Hà", ""},
		{"a clause after a comma takes the subject before", "Mục tiêu năm 2025: GRDP bình quân đầu người đạt 4.500 USD, đến năm 2030 đạt khoảng 6.000 USD.", 6000,
			"GRDP bình quân đầu người", "đạt"},
		// a row label names an amount's subject though its clause goes on
		// (leftPart, tgAmountUnit); the next amount of the item takes it
		{"row label, amount with a time after it", "Mục tiêu đến năm 2020:\n- Sản phẩm tinh bột đá vôi: đạt 30.000 tấn/năm vào năm 2015 và 50.000 tấn/năm vào năm 2020.", 30000,
			"Sản phẩm tinh bột đá vôi", "đạt"},
		// the row label starts after the last ";" (tgItemStart)
		{"row label after a semicolon", "Chỉ tiêu chủ yếu đến năm 2025: tổng vốn đầu tư đạt 20.000 tỷ đồng; tỷ lệ huy động GRDP vào ngân sách: 12-13%.", 12,
			"huy động GRDP vào ngân sách", ""},
		// verb and object of an amount (verbObject)
		{"\"có\", an amount, its noun and a passive", "Mục tiêu: đến năm 2025 có 3.000 ha chè được chứng nhận VietGAP.", 3000,
			"chè", "được chứng nhận VietGAP"},
		{"a verb inside an amount's object", "Phấn đấu duy trì mức 20-30 nghìn tấn quặng apatit xuất khẩu/năm.", 20,
			"quặng apatit xuất khẩu", ""},
		{"an amount's noun with no verb", "Mục tiêu 50.000 ha cà phê vào năm 2030.", 50000,
			"cà phê", ""},
		// a count after a verb and its words (verbObject)
		{"a count after the verb's own words", "Phấn đấu đến năm 2025 tạo việc làm, thu nhập ổn định cho trên 5.000 lao động nông thôn.", 5000,
			"lao động nông thôn", ""},
		{"an average before the verb", "Mục tiêu bình quân hàng năm đào tạo nghề cho khoảng 20.000 lao động nông thôn.", 20000,
			"lao động nông thôn", ""},
		{"\"giữ nguyên\" is a verb", "Đến năm 2025, trong đó giữ nguyên 40 chợ, cải tạo, nâng cấp, mở rộng 35 chợ và xây dựng mới 20 chợ.", 40,
			"chợ", "giữ nguyên"},
		{"\"mở rộng\" is a verb", "Đến năm 2025, trong đó giữ nguyên 40 chợ, cải tạo, nâng cấp, mở rộng 35 chợ và xây dựng mới 20 chợ.", 35,
			"chợ", ""},
		{"\"cửa hàng\" is one noun", "Quy hoạch đến năm 2025: xây dựng thêm 60 cửa hàng xăng dầu.", 60,
			"cửa hàng xăng dầu", "xây dựng thêm"},
		// a verb after a preposition makes no clause (tgOwnClause)
		{"a verb after \"cho\"", "Mục tiêu năm 2025: ngân sách chi cho đào tạo, bồi dưỡng đạt 10% tổng chi thường xuyên.", 10,
			"ngân sách chi cho đào tạo, bồi dưỡng", ""},
		// a copula states the level ("là" → "đạt")
		{"copula", "Mục tiêu đến năm 2030: diện tích sàn nhà ở bình quân đầu người là 30 m2/người.", 30,
			"diện tích sàn nhà ở bình quân đầu người", "đạt"},
		// a count joined to the row's first count shares its row (orgRowLabel)
		{"joined count in an organisation's row", "Số lượng khen thưởng hằng năm:\n1. Ủy ban nhân dân xã, thị trấn:\nXét tối đa 10 tập thể và 20 cá nhân.", 20,
			"Ủy ban nhân dân xã, thị trấn", ""},
	} {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		got := lastWithValue(ts, tc.value)
		if got == nil {
			t.Errorf("%s: FindTargets(%q): no target of %g in %+v", tc.rule, tc.text, tc.value, ts)
			continue
		}
		if got.Subject != tc.subject {
			t.Errorf("%s: FindTargets(%q) %g: subject %q; want %q", tc.rule, tc.text, tc.value, got.Subject, tc.subject)
		}
		if tc.indicator != "" && got.Indicator != tc.indicator {
			t.Errorf("%s: FindTargets(%q) %g: indicator %q; want %q", tc.rule, tc.text, tc.value, got.Indicator, tc.indicator)
		}
	}
}

// TestLastPassive: the last passive predicate of a span, not one that
// names a noun ("được giao", "thiết bị") nor one in a clause after a
// comma or "và không".
func TestLastPassive(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the words from the passive on, "" for none
	}{
		{"người bị bạo lực được phát hiện được tiếp cận dịch vụ", "được tiếp cận dịch vụ"},
		{"nhiệm vụ được giao", ""},
		{"trạm y tế có thiết bị y tế", ""},
		{"cá nhân đạt danh hiệu, không có cá nhân bị kỷ luật", ""},
		{"cá nhân đạt danh hiệu và không có cá nhân bị kỷ luật", ""},
		{"hồ sơ, giấy tờ được số hóa", "được số hóa"},
		{"được số hóa", ""}, // no noun before it
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		got := ""
		if i := tgLastPassive(toks, 0, len(toks)); i >= 0 {
			got = tc.text[toks[i].start:]
		}
		if got != tc.want {
			t.Errorf("tgLastPassive(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestWithGroup: a subject within the group of a "Đối với X:" label.
func TestWithGroup(t *testing.T) {
	for _, tc := range []struct{ subj, group, want string }{
		{"nhiệm vụ được giao", "tập thể", "nhiệm vụ được giao của tập thể"},
		{"", "công chức, viên chức", "công chức, viên chức"},
		{"có tổng số điểm", "công chức, viên chức", "công chức, viên chức"},
		{"Cha mẹ", "cha mẹ", "Cha mẹ"},
	} {
		if got := tgWithGroup(tc.subj, tc.group); got != tc.want {
			t.Errorf("tgWithGroup(%q, %q) = %q; want %q", tc.subj, tc.group, got, tc.want)
		}
	}
	for _, tc := range []struct{ text, want string }{
		{"**- Đối với tập thể:** Hoàn thành 100% nhiệm vụ", "tập thể"},
		{"Đối với cá nhân không giữ chức vụ lãnh đạo, quản lý: Hoàn thành 100%", "cá nhân không giữ chức vụ lãnh đạo, quản lý"},
		{"Mục tiêu: Hoàn thành 100% nhiệm vụ", ""},
		{"Đối với tập thể. Mục tiêu: 100%", ""},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		if got := tgForGroup(toks, len(toks)); got != tc.want {
			t.Errorf("tgForGroup(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestLevelAfterGrowth: the clause ", đạt …" after a growth rate takes
// the subject of the clause before, whether or not that rate is a target.
func TestLevelAfterGrowth(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Lợi nhuận trước thuế dự kiến tăng trưởng 36%, đạt 4.400 tỷ đồng", "Lợi nhuận trước thuế dự kiến tăng trưởng"},
		{"Tổng huy động vốn tăng 21%, đạt 103.284 tỷ đồng", "Tổng huy động vốn"},
		{"GRDP tăng 7%, thu ngân sách 500 tỷ đồng", ""}, // no verb after the comma
		{"GRDP tăng 7%, 8%, đạt 500 tỷ đồng", ""},       // more than one quantity before
	} {
		f := newTargetFinder(tc.text, TargetContext{})
		toks := tgTokenize(tc.text, 0, len(tc.text))
		cs := -1
		for i, tk := range toks {
			if tk.raw == "," && cs < 0 || tk.raw == "," && toks[i-1].raw == "%" {
				cs = i
			}
		}
		got, _ := f.levelAfterGrowth(toks, cs, 0, nil)
		if got != tc.want {
			t.Errorf("levelAfterGrowth(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestFindTargetsTableRoles: the subject and indicator of a table's cells
// (rowRoles): a column that names a measure gives the indicator, a label
// with a verb splits, a rate's name gives the rate, a bare measure under a
// group takes the group, and a plain row's number is a level to reach.
func TestFindTargetsTableRoles(t *testing.T) {
	c := TargetContext{Issued: "2025-11-20", Kind: "plan"}
	measures := "KẾ HOẠCH\n\nDANH MỤC HÀNG HÓA XUẤT KHẨU GIAI ĐOẠN 2026 - 2030\n\n" +
		"| TT | Sản phẩm | Kế hoạch 2026 | Kế hoạch 2026 |\n" +
		"| | | Lượng (Tấn) | Giá trị tham gia xuất khẩu (Nghìn USD) |\n" +
		"| 1 | Xoài | 13.500 | 7.000 |\n"
	plain := "KẾ HOẠCH\n\nCÁC CHỈ TIÊU CHỦ YẾU NĂM 2026\n\n" +
		"| STT | Chỉ tiêu | Đơn vị | Kế hoạch 2026 |\n" +
		"| 1 | Kim ngạch xuất khẩu hàng hóa | Triệu USD | 2.614 |\n" +
		"| 2 | Tốc độ tăng trưởng GRDP | % | 8,5 |\n" +
		"| 3 | Mức giảm tỷ lệ hộ nghèo | % | 0,8 |\n" +
		"| 4 | Tỷ lệ hồ sơ được xử lý trên môi trường điện tử | % | 90 |\n" +
		"| I | Cà phê | | |\n" +
		"| | - Diện tích | Ha | 27.000 |\n" +
		"| II | Cơ cấu kinh tế | | |\n" +
		"| | - Dịch vụ | % | 40,5 |\n" +
		"| 5 | Tỷ lệ đô thị hóa | % | 42 |\n"
	for _, tc := range []struct {
		rule, text         string
		value              float64
		subject, indicator string
	}{
		{"a column that names a measure", measures, 7000, "Xoài", "Giá trị tham gia xuất khẩu"},
		{"a bare measure column", measures, 13500, "Xoài", "Lượng"},
		{"a plain row: a level to reach", plain, 2614, "Kim ngạch xuất khẩu hàng hóa", "đạt"},
		{"a growth rate's name", plain, 8.5, "GRDP", "tốc độ tăng trưởng"},
		{"a fall's name", plain, 0.8, "tỷ lệ hộ nghèo", "mức giảm"},
		{"a label with a verb", plain, 90, "hồ sơ", "được xử lý trên môi trường điện tử"},
		{"a bare measure under a group", plain, 27000, "Cà phê diện tích", "đạt"},
		{"an item of a structure", plain, 40.5, "Dịch vụ", "tỷ trọng trong cơ cấu kinh tế"},
		{"a row after a structure's items", plain, 42, "đô thị hóa", "đạt"},
	} {
		ts, _ := FindTargetsWith(tc.text, c, nil)
		got := lastWithValue(ts, tc.value)
		if got == nil {
			t.Errorf("%s: no target of %g in %+v", tc.rule, tc.value, ts)
			continue
		}
		if got.Subject != tc.subject || got.Indicator != tc.indicator {
			t.Errorf("%s: %g: subject %q, indicator %q; want %q, %q", tc.rule, tc.value, got.Subject, got.Indicator, tc.subject, tc.indicator)
		}
	}
}

// lastWithValue returns the last of ts whose value is v, nil when none is.
func lastWithValue(ts []Target, v float64) *Target {
	var got *Target
	for i := range ts {
		if ts[i].Value == v {
			got = &ts[i]
		}
	}
	return got
}

// TestRightPredicate: where the predicate of the words after a share
// starts: the first verb, not one that names people ("người sử dụng"),
// not "có" of a condition or an adjective; a later "có" when the first
// verb qualifies the noun.
func TestRightPredicate(t *testing.T) {
	for _, tc := range []struct {
		text string
		want string // the words from the predicate on, "" for none
	}{
		{"100% hộ dân sử dụng nước sạch", "sử dụng nước sạch"},
		{"100% người vi phạm pháp luật, người sử dụng trái phép chất ma túy thuộc diện trợ giúp pháp lý", ""},
		{"100% đội ngũ công chức xây dựng chính sách trên địa bàn tỉnh có trình độ đại học", "có trình độ đại học"},
		{"70% xã không có ma túy", "có ma túy"},
		{"70% cá nhân đạt danh hiệu và không có cá nhân bị kỷ luật", "đạt danh hiệu và không có cá nhân bị kỷ luật"},
		{"100% người nghiện thuộc diện trợ giúp khi có yêu cầu", ""},
		{"100% địa phương ứng dụng kỹ thuật hiện có tốt nhất", ""},
		// a later verb after a noun: the first verb with its object qualifies the noun
		{"100% số chương trình đào tạo giáo viên các cấp đạt tiêu chuẩn chất lượng", "đạt tiêu chuẩn chất lượng"},
		{"70% xã, phường có người nghiện ma túy bố trí điểm tiếp nhận", "bố trí điểm tiếp nhận"},
		{"100% xã có trạm y tế", "có trạm y tế"},
		{"100% xã xây dựng và triển khai kế hoạch", "xây dựng và triển khai kế hoạch"},
		{"100% cơ quan triển khai kế hoạch thực hiện Đề án", "triển khai kế hoạch thực hiện Đề án"},
		{"100% hộ dân sử dụng nước sạch, đạt quy chuẩn", "sử dụng nước sạch, đạt quy chuẩn"},
		{"100% hộ dân sử dụng nước sạch để sản xuất", "sử dụng nước sạch để sản xuất"},
		{"15% số xã đạt chuẩn nông thôn mới nâng cao", "đạt chuẩn nông thôn mới nâng cao"},
		{"85% học sinh hoàn thành cấp trung học phổ thông, tỉnh nào cũng đạt chuẩn", "hoàn thành cấp trung học phổ thông, tỉnh nào cũng đạt chuẩn"},
		{"100% các Sở bố trí công chức, viên chức làm công tác xây dựng pháp luật", "bố trí công chức, viên chức làm công tác xây dựng pháp luật"},
		{"100% cơ sở đào tạo phát triển hệ thống để thực thi mục tiêu của cơ sở đào tạo", "đào tạo phát triển hệ thống để thực thi mục tiêu của cơ sở đào tạo"},
	} {
		toks := tgTokenize(tc.text, 0, len(tc.text))
		q := tgQty{first: 0, last: 2, unit: tgUnit{text: "%"}}
		got := ""
		if i := tgRightPredicate(toks, q, len(toks), true); i >= 0 {
			got = tc.text[toks[i].start:]
		}
		if got != tc.want {
			t.Errorf("tgRightPredicate(%q) = %q; want %q", tc.text, got, tc.want)
		}
	}
}

// TestEstimateSubject: "ước" (estimated) before a verb of level opens no
// subject; the one before the goal's marker stands (the embedded model
// decides: the rules take "ước đạt" for a forecast).
func TestEstimateSubject(t *testing.T) {
	m, err := DefaultTargetModel()
	if err != nil {
		t.Fatal(err)
	}
	text := "Năm 2026, công ty đặt mục tiêu lợi nhuận 500 tỷ đồng; tổng doanh thu mà công ty đặt ra ước đạt 4.700 tỷ đồng."
	ts, _ := FindTargetsWith(text, TargetContext{Issued: "2026-02-01", Kind: "article"}, m)
	got := lastWithValue(ts, 4700)
	if got == nil {
		t.Fatalf("FindTargets(%q): no target of 4700 in %+v", text, ts)
	}
	if want := "tổng doanh thu mà công ty"; got.Subject != want {
		t.Errorf("FindTargets(%q) 4700: subject %q; want %q", text, got.Subject, want)
	}
}

// TestTailOverlap: an amount's object that runs into the predicate read
// after it ("… hợp cách xuất khẩu" and "xuất khẩu/năm"), and one that does
// not.
func TestTailOverlap(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"quặng sắt cục hợp cách xuất khẩu", "xuất khẩu/năm", true},
		{"quặng apatit xuất khẩu", "khẩu", true},
		{"cao su", "được khai thác mủ", false},
		{"", "xuất khẩu", false},
		{"rừng", "", false},
	} {
		if got := tgTailOverlap(tc.a, tc.b); got != tc.want {
			t.Errorf("tgTailOverlap(%q, %q) = %v; want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// TestPassiveStart: a phrase that opens with a passive, and ones that do
// not.
func TestPassiveStart(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"được khai thác mủ", true},
		{"Bị thu hồi", true},
		{"đạt chuẩn", false},
		{"được", false},
	} {
		if got := tgPassiveStart(tc.s); got != tc.want {
			t.Errorf("tgPassiveStart(%q) = %v; want %v", tc.s, got, tc.want)
		}
	}
}

// TestWholeObject: after an action verb, the words after a share are its
// object whole, verbs and all; after a verb of level, a copula, no verb or
// a row label they split into subject and predicate.
func TestWholeObject(t *testing.T) {
	pct := tgQty{unit: tgUnit{text: "%"}}
	for _, tc := range []struct {
		name string
		q    tgQty
		r    tgRoleParts
		want bool
	}{
		{"cắt giảm 30% chi phí xã hội | thực hiện thủ tục", pct, tgRoleParts{ind: "cắt giảm", verbFrom: 0, rs: "chi phí xã hội", ri: "thực hiện thủ tục hành chính"}, true},
		{"đạt 30% doanh nghiệp | thực hiện", pct, tgRoleParts{ind: "đạt", verbFrom: 0, rs: "doanh nghiệp", ri: "thực hiện chuyển đổi số"}, false},
		{"chiếm 30% lao động | có việc làm", pct, tgRoleParts{ind: "chiếm", verbFrom: 0, rs: "lao động", ri: "có việc làm"}, false},
		{"100% hộ dân | sử dụng nước sạch", pct, tgRoleParts{verbFrom: -1, rs: "hộ dân", ri: "sử dụng nước sạch"}, false},
		{"row label", pct, tgRoleParts{ind: "hỗ trợ", verbFrom: 0, rs: "cha mẹ", ri: "được tập huấn", labelRow: true}, false},
		{"sử dụng … 100% diện tích | được phát hiện", pct, tgRoleParts{ind: "sử dụng", verbFrom: 0, rs: "diện tích trồng trái phép cây", ri: "được phát hiện và triệt phá"}, false},
		{"hoàn thành 100% nhiệm vụ", pct, tgRoleParts{ind: "hoàn thành", verbFrom: 0, rs: "nhiệm vụ"}, false},
		{"trồng mới 50 ha", tgQty{unit: tgUnit{text: "ha"}}, tgRoleParts{ind: "trồng mới", verbFrom: 0, rs: "rừng", ri: "đạt"}, false},
	} {
		if got := tgWholeObject(tc.q, tc.r); got != tc.want {
			t.Errorf("tgWholeObject(%s) = %v; want %v", tc.name, got, tc.want)
		}
	}
}
