# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_settings_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QFrame, QGroupBox,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_OfficeSettingsDialog(object):
    def setupUi(self, OfficeSettingsDialog):
        if not OfficeSettingsDialog.objectName():
            OfficeSettingsDialog.setObjectName(u"OfficeSettingsDialog")
        OfficeSettingsDialog.resize(900, 600)
        self.main_layout = QVBoxLayout(OfficeSettingsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(OfficeSettingsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.columns_layout = QHBoxLayout()
        self.columns_layout.setObjectName(u"columns_layout")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.agency_group = QGroupBox(OfficeSettingsDialog)
        self.agency_group.setObjectName(u"agency_group")
        self.agency_form = QFormLayout(self.agency_group)
        self.agency_form.setObjectName(u"agency_form")
        self.agency_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.superior_caption = QLabel(self.agency_group)
        self.superior_caption.setObjectName(u"superior_caption")

        self.agency_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.superior_caption)

        self.superior_edit = QLineEdit(self.agency_group)
        self.superior_edit.setObjectName(u"superior_edit")

        self.agency_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.superior_edit)

        self.issuing_caption = QLabel(self.agency_group)
        self.issuing_caption.setObjectName(u"issuing_caption")

        self.agency_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.issuing_caption)

        self.issuing_edit = QPlainTextEdit(self.agency_group)
        self.issuing_edit.setObjectName(u"issuing_edit")
        self.issuing_edit.setMaximumSize(QSize(16777215, 56))
        self.issuing_edit.setTabChangesFocus(True)

        self.agency_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.issuing_edit)

        self.issuer_short_caption = QLabel(self.agency_group)
        self.issuer_short_caption.setObjectName(u"issuer_short_caption")

        self.agency_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.issuer_short_caption)

        self.issuer_short_edit = QLineEdit(self.agency_group)
        self.issuer_short_edit.setObjectName(u"issuer_short_edit")

        self.agency_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.issuer_short_edit)

        self.place_caption = QLabel(self.agency_group)
        self.place_caption.setObjectName(u"place_caption")

        self.agency_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_caption)

        self.place_edit = QLineEdit(self.agency_group)
        self.place_edit.setObjectName(u"place_edit")

        self.agency_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.place_edit)


        self.left_column.addWidget(self.agency_group)

        self.signer_group = QGroupBox(OfficeSettingsDialog)
        self.signer_group.setObjectName(u"signer_group")
        self.signer_form = QFormLayout(self.signer_group)
        self.signer_form.setObjectName(u"signer_form")
        self.signer_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.prefix_caption = QLabel(self.signer_group)
        self.prefix_caption.setObjectName(u"prefix_caption")

        self.signer_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.prefix_caption)

        self.prefix_combo = QComboBox(self.signer_group)
        self.prefix_combo.setObjectName(u"prefix_combo")

        self.signer_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.prefix_combo)

        self.body_caption = QLabel(self.signer_group)
        self.body_caption.setObjectName(u"body_caption")

        self.signer_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.body_caption)

        self.body_edit = QLineEdit(self.signer_group)
        self.body_edit.setObjectName(u"body_edit")

        self.signer_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.body_edit)

        self.head_caption = QLabel(self.signer_group)
        self.head_caption.setObjectName(u"head_caption")

        self.signer_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.head_caption)

        self.head_edit = QLineEdit(self.signer_group)
        self.head_edit.setObjectName(u"head_edit")

        self.signer_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.head_edit)

        self.position_caption = QLabel(self.signer_group)
        self.position_caption.setObjectName(u"position_caption")

        self.signer_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.position_caption)

        self.position_edit = QLineEdit(self.signer_group)
        self.position_edit.setObjectName(u"position_edit")

        self.signer_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.position_edit)

        self.signer_caption = QLabel(self.signer_group)
        self.signer_caption.setObjectName(u"signer_caption")

        self.signer_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.signer_caption)

        self.signer_edit = QLineEdit(self.signer_group)
        self.signer_edit.setObjectName(u"signer_edit")

        self.signer_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.signer_edit)

        self.preview_caption = QLabel(self.signer_group)
        self.preview_caption.setObjectName(u"preview_caption")

        self.signer_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.preview_caption)

        self.signature_preview = QLabel(self.signer_group)
        self.signature_preview.setObjectName(u"signature_preview")
        self.signature_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.signature_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.signature_preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.signer_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.signature_preview)


        self.left_column.addWidget(self.signer_group)

        self.left_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)


        self.columns_layout.addLayout(self.left_column)

        self.right_column = QVBoxLayout()
        self.right_column.setObjectName(u"right_column")
        self.level_group = QGroupBox(OfficeSettingsDialog)
        self.level_group.setObjectName(u"level_group")
        self.level_form = QFormLayout(self.level_group)
        self.level_form.setObjectName(u"level_form")
        self.level_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.level_caption = QLabel(self.level_group)
        self.level_caption.setObjectName(u"level_caption")

        self.level_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.level_caption)

        self.level_combo = QComboBox(self.level_group)
        self.level_combo.setObjectName(u"level_combo")

        self.level_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.level_combo)

        self.province_caption = QLabel(self.level_group)
        self.province_caption.setObjectName(u"province_caption")

        self.level_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.province_caption)

        self.province_combo = QComboBox(self.level_group)
        self.province_combo.setObjectName(u"province_combo")
        self.province_combo.setEditable(True)

        self.level_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.province_combo)

        self.unit_caption = QLabel(self.level_group)
        self.unit_caption.setObjectName(u"unit_caption")

        self.level_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.unit_caption)

        self.unit_combo = QComboBox(self.level_group)
        self.unit_combo.setObjectName(u"unit_combo")
        self.unit_combo.setEditable(True)

        self.level_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.derive_button = QPushButton(self.level_group)
        self.derive_button.setObjectName(u"derive_button")

        self.level_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.derive_button)


        self.right_column.addWidget(self.level_group)

        self.symbols_group = QGroupBox(OfficeSettingsDialog)
        self.symbols_group.setObjectName(u"symbols_group")
        self.symbols_form = QFormLayout(self.symbols_group)
        self.symbols_form.setObjectName(u"symbols_form")
        self.symbols_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.symbol_bc_caption = QLabel(self.symbols_group)
        self.symbol_bc_caption.setObjectName(u"symbol_bc_caption")

        self.symbols_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.symbol_bc_caption)

        self.symbol_bc_edit = QLineEdit(self.symbols_group)
        self.symbol_bc_edit.setObjectName(u"symbol_bc_edit")

        self.symbols_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.symbol_bc_edit)

        self.symbol_kh_caption = QLabel(self.symbols_group)
        self.symbol_kh_caption.setObjectName(u"symbol_kh_caption")

        self.symbols_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.symbol_kh_caption)

        self.symbol_kh_edit = QLineEdit(self.symbols_group)
        self.symbol_kh_edit.setObjectName(u"symbol_kh_edit")

        self.symbols_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.symbol_kh_edit)

        self.symbol_qd_caption = QLabel(self.symbols_group)
        self.symbol_qd_caption.setObjectName(u"symbol_qd_caption")

        self.symbols_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.symbol_qd_caption)

        self.symbol_qd_edit = QLineEdit(self.symbols_group)
        self.symbol_qd_edit.setObjectName(u"symbol_qd_edit")

        self.symbols_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.symbol_qd_edit)

        self.symbol_tb_caption = QLabel(self.symbols_group)
        self.symbol_tb_caption.setObjectName(u"symbol_tb_caption")

        self.symbols_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.symbol_tb_caption)

        self.symbol_tb_edit = QLineEdit(self.symbols_group)
        self.symbol_tb_edit.setObjectName(u"symbol_tb_edit")

        self.symbols_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.symbol_tb_edit)


        self.right_column.addWidget(self.symbols_group)

        self.recipients_group = QGroupBox(OfficeSettingsDialog)
        self.recipients_group.setObjectName(u"recipients_group")
        self.recipients_layout = QVBoxLayout(self.recipients_group)
        self.recipients_layout.setObjectName(u"recipients_layout")
        self.recipients_edit = QPlainTextEdit(self.recipients_group)
        self.recipients_edit.setObjectName(u"recipients_edit")
        self.recipients_edit.setTabChangesFocus(True)

        self.recipients_layout.addWidget(self.recipients_edit)


        self.right_column.addWidget(self.recipients_group)

        self.reporting_form = QFormLayout()
        self.reporting_form.setObjectName(u"reporting_form")
        self.reporting_caption = QLabel(OfficeSettingsDialog)
        self.reporting_caption.setObjectName(u"reporting_caption")

        self.reporting_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reporting_caption)

        self.reporting_edit = QLineEdit(OfficeSettingsDialog)
        self.reporting_edit.setObjectName(u"reporting_edit")

        self.reporting_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.reporting_edit)


        self.right_column.addLayout(self.reporting_form)

        self.due_layout = QHBoxLayout()
        self.due_layout.setObjectName(u"due_layout")
        self.due_caption = QLabel(OfficeSettingsDialog)
        self.due_caption.setObjectName(u"due_caption")

        self.due_layout.addWidget(self.due_caption)

        self.due_day_spin = QSpinBox(OfficeSettingsDialog)
        self.due_day_spin.setObjectName(u"due_day_spin")
        self.due_day_spin.setMinimum(1)
        self.due_day_spin.setMaximum(28)
        self.due_day_spin.setValue(20)

        self.due_layout.addWidget(self.due_day_spin)

        self.due_suffix = QLabel(OfficeSettingsDialog)
        self.due_suffix.setObjectName(u"due_suffix")

        self.due_layout.addWidget(self.due_suffix)

        self.due_spacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.due_layout.addItem(self.due_spacer)


        self.right_column.addLayout(self.due_layout)


        self.columns_layout.addLayout(self.right_column)


        self.main_layout.addLayout(self.columns_layout)

        self.error_label = QLabel(OfficeSettingsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #c62828;")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.button_box = QDialogButtonBox(OfficeSettingsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttons_layout.addWidget(self.button_box)


        self.main_layout.addLayout(self.buttons_layout)

#if QT_CONFIG(shortcut)
        self.superior_caption.setBuddy(self.superior_edit)
        self.issuing_caption.setBuddy(self.issuing_edit)
        self.issuer_short_caption.setBuddy(self.issuer_short_edit)
        self.place_caption.setBuddy(self.place_edit)
        self.prefix_caption.setBuddy(self.prefix_combo)
        self.body_caption.setBuddy(self.body_edit)
        self.head_caption.setBuddy(self.head_edit)
        self.position_caption.setBuddy(self.position_edit)
        self.signer_caption.setBuddy(self.signer_edit)
        self.level_caption.setBuddy(self.level_combo)
        self.province_caption.setBuddy(self.province_combo)
        self.unit_caption.setBuddy(self.unit_combo)
        self.symbol_bc_caption.setBuddy(self.symbol_bc_edit)
        self.symbol_kh_caption.setBuddy(self.symbol_kh_edit)
        self.symbol_qd_caption.setBuddy(self.symbol_qd_edit)
        self.symbol_tb_caption.setBuddy(self.symbol_tb_edit)
        self.reporting_caption.setBuddy(self.reporting_edit)
        self.due_caption.setBuddy(self.due_day_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.level_combo, self.province_combo)
        QWidget.setTabOrder(self.province_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.derive_button)
        QWidget.setTabOrder(self.derive_button, self.superior_edit)
        QWidget.setTabOrder(self.superior_edit, self.issuing_edit)
        QWidget.setTabOrder(self.issuing_edit, self.issuer_short_edit)
        QWidget.setTabOrder(self.issuer_short_edit, self.place_edit)
        QWidget.setTabOrder(self.place_edit, self.prefix_combo)
        QWidget.setTabOrder(self.prefix_combo, self.body_edit)
        QWidget.setTabOrder(self.body_edit, self.head_edit)
        QWidget.setTabOrder(self.head_edit, self.position_edit)
        QWidget.setTabOrder(self.position_edit, self.signer_edit)
        QWidget.setTabOrder(self.signer_edit, self.symbol_bc_edit)
        QWidget.setTabOrder(self.symbol_bc_edit, self.symbol_kh_edit)
        QWidget.setTabOrder(self.symbol_kh_edit, self.symbol_qd_edit)
        QWidget.setTabOrder(self.symbol_qd_edit, self.symbol_tb_edit)
        QWidget.setTabOrder(self.symbol_tb_edit, self.recipients_edit)
        QWidget.setTabOrder(self.recipients_edit, self.reporting_edit)
        QWidget.setTabOrder(self.reporting_edit, self.due_day_spin)

        self.retranslateUi(OfficeSettingsDialog)
    # setupUi

    def retranslateUi(self, OfficeSettingsDialog):
        OfficeSettingsDialog.setWindowTitle(QCoreApplication.translate("OfficeSettingsDialog", u"Th\u00f4ng tin c\u01a1 quan", None))
        self.intro_label.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C\u00e1c th\u00f4ng tin n\u00e0y \u0111\u01b0\u1ee3c in tr\u00ean m\u1ecdi b\u00e1o c\u00e1o, k\u1ebf ho\u1ea1ch theo th\u1ec3 th\u1ee9c Ngh\u1ecb \u0111\u1ecbnh 30/2020/N\u0110-CP. Ch\u00fang \u0111\u01b0\u1ee3c l\u01b0u trong c\u01a1 s\u1edf d\u1eef li\u1ec7u v\u00e0 \u0111i theo d\u1eef li\u1ec7u khi \u0111\u1ed3ng b\u1ed9.", None))
        self.agency_group.setTitle(QCoreApplication.translate("OfficeSettingsDialog", u"C\u01a1 quan ban h\u00e0nh", None))
        self.superior_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C\u01a1 quan &c\u1ea5p tr\u00ean:", None))
#if QT_CONFIG(tooltip)
        self.superior_edit.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"T\u00ean c\u01a1 quan c\u1ea5p tr\u00ean tr\u1ef1c ti\u1ebfp, in \u1edf d\u00f2ng \u0111\u1ea7u g\u00f3c tr\u00e1i (c\u00f3 th\u1ec3 \u0111\u1ec3 tr\u1ed1ng)", None))
#endif // QT_CONFIG(tooltip)
        self.superior_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"UBND T\u1ec8NH QU\u1ea2NG NG\u00c3I", None))
        self.issuing_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C\u01a1 quan &ban h\u00e0nh:", None))
#if QT_CONFIG(tooltip)
        self.issuing_edit.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"In \u0111\u1eadm d\u01b0\u1edbi t\u00ean c\u01a1 quan c\u1ea5p tr\u00ean; xu\u1ed1ng d\u00f2ng \u0111\u1ec3 t\u00e1ch th\u00e0nh hai d\u00f2ng", None))
#endif // QT_CONFIG(tooltip)
        self.issuing_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"UBND X\u00c3 LONG PH\u1ee4NG", None))
        self.issuer_short_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"T\u00ean &trong c\u00e2u v\u0103n:", None))
        self.issuer_short_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"UBND x\u00e3 Long Ph\u1ee5ng", None))
        self.place_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"\u0110\u1ecb&a danh:", None))
#if QT_CONFIG(tooltip)
        self.place_edit.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"In \u1edf d\u00f2ng \u201c\u0110\u1ecba danh, ng\u00e0y \u2026 th\u00e1ng \u2026 n\u0103m \u2026\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.place_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"Long Ph\u1ee5ng", None))
        self.signer_group.setTitle(QCoreApplication.translate("OfficeSettingsDialog", u"Ng\u01b0\u1eddi k\u00fd", None))
        self.prefix_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"&Th\u1ea9m quy\u1ec1n k\u00fd:", None))
        self.body_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"T\u00ean &t\u1eadp th\u1ec3:", None))
#if QT_CONFIG(tooltip)
        self.body_edit.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"D\u00f9ng khi k\u00fd thay m\u1eb7t t\u1eadp th\u1ec3 (TM.), v\u00ed d\u1ee5 \u1ee6Y BAN NH\u00c2N D\u00c2N", None))
#endif // QT_CONFIG(tooltip)
        self.body_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"\u1ee6Y BAN NH\u00c2N D\u00c2N", None))
        self.head_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"Ch\u1ee9c v\u1ee5 &ng\u01b0\u1eddi \u0111\u1ee9ng \u0111\u1ea7u:", None))
#if QT_CONFIG(tooltip)
        self.head_edit.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"D\u00f9ng khi k\u00fd thay (KT.), th\u1eeba l\u1ec7nh (TL.) ho\u1eb7c th\u1eeba \u1ee7y quy\u1ec1n (TUQ.)", None))
#endif // QT_CONFIG(tooltip)
        self.head_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"CH\u1ee6 T\u1ecaCH", None))
        self.position_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C&h\u1ee9c v\u1ee5 ng\u01b0\u1eddi k\u00fd:", None))
        self.position_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"CH\u1ee6 T\u1ecaCH", None))
        self.signer_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"&H\u1ecd t\u00ean ng\u01b0\u1eddi k\u00fd:", None))
        self.signer_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"Nguy\u1ec5n V\u0103n A", None))
        self.preview_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"Kh\u1ed1i ch\u1eef k\u00fd:", None))
        self.signature_preview.setText("")
        self.level_group.setTitle(QCoreApplication.translate("OfficeSettingsDialog", u"C\u1ea5p v\u00e0 \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh", None))
        self.level_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C\u1ea5&p:", None))
        self.province_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"T\u1ec9nh, th\u00e0nh &ph\u1ed1:", None))
#if QT_CONFIG(tooltip)
        self.province_combo.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"Theo danh m\u1ee5c \u0111\u01a1n v\u1ecb h\u00e0nh ch\u00ednh n\u0103m 2025; g\u00f5 c\u00f3 d\u1ea5u ho\u1eb7c kh\u00f4ng d\u1ea5u", None))
#endif // QT_CONFIG(tooltip)
        self.unit_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"\u0110\u01a1n &v\u1ecb:", None))
#if QT_CONFIG(tooltip)
        self.unit_combo.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"X\u00e3, ph\u01b0\u1eddng, \u0111\u1eb7c khu theo danh m\u1ee5c n\u0103m 2025; t\u00ean huy\u1ec7n (tr\u01b0\u1edbc n\u0103m 2025) ho\u1eb7c t\u00ean s\u1edf, ban, ng\u00e0nh g\u00f5 tr\u1ef1c ti\u1ebfp", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.derive_button.setToolTip(QCoreApplication.translate("OfficeSettingsDialog", u"\u0110i\u1ec1n l\u1ea1i t\u00ean c\u01a1 quan, \u0111\u1ecba danh, kh\u1ed1i ch\u1eef k\u00fd, n\u01a1i nh\u1eadn theo c\u1ea5p v\u00e0 t\u00ean \u0111\u00e3 ch\u1ecdn (ch\u01b0a l\u01b0u cho \u0111\u1ebfn khi b\u1ea5m L\u01b0u)", None))
#endif // QT_CONFIG(tooltip)
        self.derive_button.setText(QCoreApplication.translate("OfficeSettingsDialog", u"\u0110i\u1ec1n &theo c\u1ea5p v\u00e0 t\u00ean", None))
        self.symbols_group.setTitle(QCoreApplication.translate("OfficeSettingsDialog", u"K\u00fd hi\u1ec7u v\u0103n b\u1ea3n", None))
        self.symbol_bc_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"B\u00e1o c\u00e1o:", None))
        self.symbol_bc_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"BC-UBND", None))
        self.symbol_kh_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"K\u1ebf ho\u1ea1ch:", None))
        self.symbol_kh_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"KH-UBND", None))
        self.symbol_qd_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"Quy\u1ebft \u0111\u1ecbnh:", None))
        self.symbol_qd_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"Q\u0110-UBND", None))
        self.symbol_tb_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"Th\u00f4ng b\u00e1o:", None))
        self.symbol_tb_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"TB-UBND", None))
        self.recipients_group.setTitle(QCoreApplication.translate("OfficeSettingsDialog", u"N\u01a1i nh\u1eadn m\u1eb7c \u0111\u1ecbnh (m\u1ed7i d\u00f2ng m\u1ed9t n\u01a1i)", None))
        self.recipients_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"S\u1edf N\u1ed9i v\u1ee5 (b/c);", None))
        self.reporting_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"C\u01a1 quan t\u1ed5ng h\u1ee3p &b\u00e1o c\u00e1o:", None))
        self.reporting_edit.setPlaceholderText(QCoreApplication.translate("OfficeSettingsDialog", u"S\u1edf N\u1ed9i v\u1ee5", None))
        self.due_caption.setText(QCoreApplication.translate("OfficeSettingsDialog", u"H\u1ea1n &n\u1ed9p b\u00e1o c\u00e1o \u0111\u1ecbnh k\u1ef3: ng\u00e0y", None))
        self.due_suffix.setText(QCoreApplication.translate("OfficeSettingsDialog", u"c\u1ee7a th\u00e1ng cu\u1ed1i k\u1ef3", None))
        self.error_label.setText("")
    # retranslateUi

